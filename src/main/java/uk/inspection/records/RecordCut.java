package uk.inspection.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A record larger than the database is given ({@code records.max-record-size}) is kept,
 * not refused: its request or response, the largest first, is replaced by {@code {"cut":
 * {"characters": n, "sha256": "…"}}}, so that the record still says what was decided, by
 * which rules, for whom, and a copy of the cut text (the client's) can be proved to be
 * the one answered.
 */
final class RecordCut {

    private RecordCut() {
    }

    /**
     * The record as it is when it fits; otherwise with its larger part cut, and the other
     * too if it still does not fit.
     */
    static DecisionRecord within(DecisionRecord record, long maxCharacters) {
        if (record.request().length() + record.response().length() <= maxCharacters) {
            return record;
        }
        boolean responseLarger = record.response().length() >= record.request().length();
        String larger = cut(responseLarger ? record.response() : record.request());
        String other = responseLarger ? record.request() : record.response();
        if (larger.length() + other.length() > maxCharacters) {
            other = cut(other);
        }
        return new DecisionRecord(record.id(), record.recordedAt(), record.kind(), record.framework(),
                record.rulesetVersion(), record.storeCommit(), record.service(), record.outcome(),
                record.latencyMicros(), record.client(), responseLarger ? other : larger,
                responseLarger ? larger : other);
    }

    private static String cut(String part) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(part.getBytes(StandardCharsets.UTF_8));
            return "{\"cut\":{\"characters\":" + part.length() + ",\"sha256\":\"" + HexFormat.of().formatHex(digest)
                    + "\"}}";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

}
