package uk.inspection.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.problem.StrictJson;

/**
 * A journal line holds the request and response as the bytes written, and gives them back
 * as exactly that text: nothing parsed into a tree and written again.
 */
class RecordLineTest {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private static final DecisionRecord FIELDS = new DecisionRecord("dec-1", Instant.parse("2026-12-02T10:15:30.123Z"),
            "RATING", "yj-2024", "sha256:abc", null, "Northtown \"YJS\"", "GOOD", 812, "key:northtown", null, null);

    @Test
    void theRequestAndResponseComeBackAsTheTextWritten() throws Exception {
        // Braces, quotes and a field named like the record's own inside strings; a
        // number as written (1.50, which a tree would write as 1.5); text beyond ASCII.
        String request = "{\"service\":\"North {\\\"response\\\":1}\",\"score\":1.50,\"notes\":[\"é\",\"😀\",null]}";
        String response = "{\"ruleset\":\"yj-2024\",\"overall\":{\"rating\":\"GOOD\"},\"trace\":[{\"detail\":\"}]\"}]}";

        DecisionRecord read = RecordLine
            .read(new String(RecordLine.write(JSON, FIELDS, utf8(request), utf8(response)), StandardCharsets.UTF_8));

        assertThat(read.request()).isEqualTo(request);
        assertThat(read.response()).isEqualTo(response);
        assertThat(read).usingRecursiveComparison().ignoringFields("request", "response").isEqualTo(FIELDS);
    }

    @Test
    void aLineWrittenAsAWholeRecordReadsTheSame() throws Exception {
        DecisionRecord record = new DecisionRecord("dec-2", FIELDS.recordedAt(), "RATING", "yj-2024", "sha256:abc",
                "0123abcd", null, "NONE", 5, "anonymous", "{\"a\":[1,2]}", "{\"b\":{}}");

        DecisionRecord read = RecordLine.read(JSON.writeValueAsString(record));

        assertThat(read).isEqualTo(record);
    }

    @Test
    void aLineThatIsNotARecordIsRefusedNamingWhy() {
        assertThatThrownBy(() -> RecordLine.read("{\"id\":\"dec-3\",\"recordedAt\":\"2026-12-02T10:15:30Z\"}"))
            .isInstanceOf(IOException.class)
            .hasMessage("no kind");
        assertThatThrownBy(() -> RecordLine.read("[1]")).isInstanceOf(IOException.class)
            .hasMessage("not a JSON object");
        assertThatThrownBy(() -> RecordLine.read("{\"id\":\"dec-3\"} {}")).isInstanceOf(IOException.class)
            .hasMessage("more than one JSON value");
        assertThatThrownBy(() -> RecordLine.read("{\"id\":\"dec-3\",\"request\":{\"a\":"))
            .isInstanceOf(IOException.class);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
