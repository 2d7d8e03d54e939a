package uk.inspection.records;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.decision.DecisionKinds;

/**
 * A JSON Lines export of decision records ({@code GET /api/v1/decisions/export}), read
 * back one line at a time.
 */
public final class DecisionExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionExport() {
    }

    /**
     * Each record of the file that the filter lets through, in file order; {@code read}
     * gets the bytes read so far.
     */
    public static void read(Path file, DecisionFilter filter, Consumer<DecisionRecord> each, Consumer<Long> read)
            throws IOException {
        long bytes = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                bytes += line.length() + 1;
                if (!line.isBlank()) {
                    DecisionRecord record = parse(JSON.readTree(line));
                    if (matches(filter, record)) {
                        each.accept(record);
                    }
                }
                read.accept(bytes);
            }
        }
    }

    private static DecisionRecord parse(JsonNode node) {
        return new DecisionRecord(node.get("id").asText(), Instant.parse(node.get("recordedAt").asText()),
                DecisionKinds.installed().recorded(node.get("kind").asText()).recordKind(),
                node.get("framework").asText(), node.get("rulesetVersion").asText(), text(node, "storeCommit"),
                text(node, "service"), node.get("outcome").asText(), node.get("latencyMicros").asLong(),
                node.get("client").asText(), node.get("request").toString(), node.get("response").toString());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static boolean matches(DecisionFilter filter, DecisionRecord record) {
        return (filter.framework() == null || filter.framework().equals(record.framework()))
                && (filter.from() == null || !record.recordedAt().isBefore(filter.from()))
                && (filter.to() == null || record.recordedAt().isBefore(filter.to()));
    }

}
