package uk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.problem.ProblemType;
import uk.inspection.regression.ExpectedMatcher;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ServiceTest;

/**
 * docs/api.md, the contract clients build on, against the running service: every example
 * marked {@code <!-- example: METHOD PATH STATUS -->} is sent (its request, the next json
 * block) and answered with that status and the response shown after
 * {@code <!-- response -->} (shortened where it says …); every endpoint the service
 * serves and every kind of problem is in it; nothing sends readers outside the
 * repository.
 */
@ServiceTest
class ApiReferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern EXAMPLE = Pattern
        .compile("<!-- example: (GET|POST|PUT|DELETE) (\\S+) (\\d{3}) -->\\s*(?:```json\\n(.*?)\\n```)?\\s*"
                + "(?:<!-- response -->\\s*```json\\n(.*?)\\n```)?", Pattern.DOTALL);

    private static final Path REFERENCE = Path.of("docs/api.md");

    @LocalServerPort
    int port;

    @Test
    void everyExampleIsAnsweredAsShown() throws Exception {
        Matcher example = EXAMPLE.matcher(Files.readString(REFERENCE));
        ApiClient api = ApiClient.onPort(port);
        int sent = 0;
        while (example.find()) {
            String method = example.group(1);
            String path = example.group(2);
            String what = method + " " + path;
            String body = example.group(4);
            if (body != null && !method.equals("GET")) {
                JSON.readTree(body);
            }

            ApiClient.Reply reply = api.send(method, path, body == null ? null : "application/json",
                    method.equals("GET") ? null : body);

            assertThat(reply.status()).as(what + ": " + reply.text()).isEqualTo(Integer.parseInt(example.group(3)));
            if (example.group(5) != null) {
                JsonNode shown = shortened(JSON.readTree(example.group(5)));
                assertThat(ExpectedMatcher.differences(shown, reply.body())).as(what).isEmpty();
            }
            sent++;
        }
        assertThat(sent).as("examples in docs/api.md").isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyEndpointTheServiceServesIsInTheReference() throws Exception {
        String reference = Files.readString(REFERENCE);
        JsonNode description = ApiClient.onPort(port).get("/v3/api-docs").body();
        List<String> missing = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            String endpoint = m.toUpperCase() + " " + path.getKey();
            if (!reference.contains("`" + endpoint + "`")) {
                missing.add(endpoint);
            }
        }));
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKindOfProblemAndStatusIsInTheReference() throws Exception {
        String reference = Files.readString(REFERENCE);
        for (ProblemType type : ProblemType.values()) {
            if (type != ProblemType.INTERNAL_ERROR) {
                assertThat(reference).contains("`" + type.type() + "`").contains("`" + type.status().value() + "`");
            }
        }
        for (String status : List.of("400", "401", "403", "404", "406", "410", "413", "415", "422", "503")) {
            assertThat(reference).contains("`" + status + "`");
        }
    }

    @Test
    void nothingSendsReadersOutsideTheRepository() throws Exception {
        List<Path> offenders = new ArrayList<>();
        for (Path top : List.of(Path.of("README.md"), Path.of("docs"), Path.of("src"))) {
            try (var walk = Files.walk(top)) {
                for (Path file : walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(md|java|properties|yaml)$"))
                    .filter(f -> !f.endsWith("ApiReferenceTest.java"))
                    .toList()) {
                    if (Files.readString(file).contains("shared/API.md")) {
                        offenders.add(file);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(Files.readString(Path.of("README.md"))).contains("[docs/api.md](docs/api.md)");
    }

    /**
     * The response as shown, less what it shortens: a value with … in it, a key …, an
     * array with … in it (not compared), a trace.
     */
    private static JsonNode shortened(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("…");
            object.remove("trace");
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> drop = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (elided(field.getValue())) {
                    drop.add(field.getKey());
                }
                else {
                    shortened(field.getValue());
                }
            }
            object.remove(drop);
        }
        else if (node instanceof ArrayNode array) {
            array.forEach(ApiReferenceTest::shortened);
        }
        return node;
    }

    private static boolean elided(JsonNode value) {
        if (value.isTextual()) {
            return value.asText().contains("…");
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (element.isTextual() && element.asText().contains("…")) {
                    return true;
                }
            }
        }
        return false;
    }

}
