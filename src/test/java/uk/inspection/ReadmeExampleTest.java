package uk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.regression.ExpectedMatcher;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ServiceTest;

/**
 * The README's first rating: its curl request, sent to the real server, still gives the
 * response the README shows.
 */
@ServiceTest
class ReadmeExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void readmeFirstRatingIsTrue() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher request = Pattern
            .compile("ratings \\\\\\n  -H 'Content-Type: application/json' -d '(\\{.*?\\})'", Pattern.DOTALL)
            .matcher(readme);
        Matcher response = Pattern.compile("```json\\n(\\{.*?\\})\\n```", Pattern.DOTALL).matcher(readme);
        assertThat(request.find()).as("the README's curl request").isTrue();
        assertThat(response.find()).as("the README's response").isTrue();
        ObjectNode shown = (ObjectNode) JSON.readTree(response.group(1));
        // Shortened in the README where it says "…"; the version is checked for its form
        // only, so a rule edit
        // does not make the README wrong in substance.
        shown.remove("trace");
        ((ObjectNode) shown.get("keyQuestions")).remove("…");
        String version = shown.remove("rulesetVersion").asText();

        ApiClient.Reply answer = ApiClient.onPort(port).post("/api/v1/frameworks/yj-2024/ratings", request.group(1));

        JsonNode actual = answer.body();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(version).matches("sha256:[0-9a-f]{64}");
        assertThat(ExpectedMatcher.differences(shown, actual)).isEmpty();
    }

}
