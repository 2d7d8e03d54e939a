package uk.inspection.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record larger than the database is given ({@code records.max-record-size}) is kept,
 * not refused: its request or response, the largest first, is replaced by {@code {"cut":
 * {"characters": n, "sha256": "…"}}}, so that the record still says what was decided, by
 * which rules, for whom, and a copy of the cut text (the client's) can be proved to be
 * the one answered. Each record cut is counted and logged.
 */
final class RecordCut {

    private static final Logger log = LoggerFactory.getLogger(RecordCut.class);

    private final long maxCharacters;

    private final AtomicLong cut = new AtomicLong();

    RecordCut(long maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    /**
     * The record as it is when it fits; otherwise with its larger part cut, and the other
     * too if it still does not fit.
     */
    DecisionRecord within(DecisionRecord record) {
        int characters = record.request().length() + record.response().length();
        if (characters <= maxCharacters) {
            return record;
        }
        cut.incrementAndGet();
        log.warn("Decision record {} ({} characters of request and response) is over records.max-record-size:"
                + " stored with its large parts cut and their SHA-256", record.id(), characters);
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

    /** Records stored with parts cut since the start. */
    long count() {
        return cut.get();
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
