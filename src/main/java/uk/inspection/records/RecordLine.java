package uk.inspection.records;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.decision.DecisionKinds;

/**
 * A decision record as one JSON line of the journal ({@link DecisionRecord}'s fields),
 * and back, without its request and response being parsed or written again: they go in as
 * the bytes already written (the response is the answer's own JSON) and come out as the
 * text they are in the line.
 */
final class RecordLine {

    private static final JsonFactory LINES = new JsonFactory();

    private static final byte[] REQUEST = ",\"request\":".getBytes(StandardCharsets.UTF_8);

    private static final byte[] RESPONSE = ",\"response\":".getBytes(StandardCharsets.UTF_8);

    private RecordLine() {
    }

    /**
     * The line for a record (its request and response not in it, null) with this request
     * and response JSON.
     */
    static byte[] write(ObjectMapper json, DecisionRecord fields, byte[] request, byte[] response)
            throws JsonProcessingException {
        byte[] head = json.writeValueAsBytes(fields);
        byte[] line = new byte[head.length - 1 + REQUEST.length + request.length + RESPONSE.length + response.length
                + 1];
        int at = put(line, 0, head, head.length - 1); // without its closing brace
        at = put(line, at, REQUEST, REQUEST.length);
        at = put(line, at, request, request.length);
        at = put(line, at, RESPONSE, RESPONSE.length);
        at = put(line, at, response, response.length);
        line[at] = '}';
        return line;
    }

    private static int put(byte[] line, int at, byte[] part, int length) {
        System.arraycopy(part, 0, line, at, length);
        return at + length;
    }

    /**
     * The record a line holds, its request and response the line's own text of them;
     * fields it does not know are passed over.
     * @throws IOException when the line is not JSON, not one object, or lacks a field
     * every record has
     */
    static DecisionRecord read(String line) throws IOException {
        String id = null;
        String recordedAt = null;
        String kind = null;
        String framework = null;
        String rulesetVersion = null;
        String storeCommit = null;
        String service = null;
        String outcome = null;
        Long latencyMicros = null;
        String client = null;
        String request = null;
        String response = null;
        try (JsonParser parser = LINES.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "id" -> id = parser.getValueAsString();
                    case "recordedAt" -> recordedAt = parser.getValueAsString();
                    case "kind" -> kind = parser.getValueAsString();
                    case "framework" -> framework = parser.getValueAsString();
                    case "rulesetVersion" -> rulesetVersion = parser.getValueAsString();
                    case "storeCommit" -> storeCommit = parser.getValueAsString();
                    case "service" -> service = parser.getValueAsString();
                    case "outcome" -> outcome = parser.getValueAsString();
                    case "latencyMicros" -> latencyMicros = parser.getValueAsLong();
                    case "client" -> client = parser.getValueAsString();
                    case "request" -> request = text(parser, line);
                    case "response" -> response = text(parser, line);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
        }
        return new DecisionRecord(required(id, "id"), Instant.parse(required(recordedAt, "recordedAt")),
                DecisionKinds.installed().recorded(required(kind, "kind")).recordKind(),
                required(framework, "framework"), required(rulesetVersion, "rulesetVersion"), storeCommit, service,
                required(outcome, "outcome"), required(latencyMicros, "latencyMicros"), required(client, "client"),
                required(request, "request"), required(response, "response"));
    }

    /** The line's text of the value the parser is at: an object or array whole. */
    private static String text(JsonParser parser, String line) throws IOException {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        parser.finishToken(); // a string's end is found only when it is read
        return line.substring(start, (int) parser.currentLocation().getCharOffset());
    }

    private static <T> T required(T value, String field) throws IOException {
        if (value == null) {
            throw new IOException("no " + field);
        }
        return value;
    }

}
