package uk.inspection.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.ruleset.RuleSetFiles;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.ServiceTest;

/**
 * The HTTP contract beyond the fixtures: explanations, framework listing, and hostile
 * requests.
 */
@ServiceTest
class RatingsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    @LocalServerPort
    int port;

    @Test
    void everyResultNamesTheRuleFileAndRowThatProducedIt() throws Exception {
        JsonNode body = send("POST", RATE, "application/json", request()).body();

        assertThat(body.at("/rulesetVersion").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(traceFor(body, "keyQuestions.2.1.1")).isEqualTo(JSON.readTree("""
                {"result": "keyQuestions.2.1.1", "rule": "Band: Reasonable majority",
                 "source": "decision-tables/yj-2024/bandings.drl.xlsx", "detail": "row 15"}"""));
        assertThat(traceFor(body, "standards.2.1").at("/source").asText()).isEqualTo("rules/yj-2024/domain-two.drl");
        assertThat(traceFor(body, "standards.V1.options").at("/source").asText())
            .isEqualTo("decision-tables/yj-2024/victims-matrix.drl.xlsx");
        assertThat(traceFor(body, "overall").at("/rule").asText()).isEqualTo("Overall: Outstanding");
        body.at("/keyQuestions").fieldNames().forEachRemaining(code -> {
            if (!code.equals("V1.2")) {
                assertThat(traceFor(body, "keyQuestions." + code)).as(code).isNotNull();
            }
        });
    }

    @Test
    void frameworksListNamesTheStandardsAndTheVersionServed() throws Exception {
        JsonNode list = send("GET", "/api/v1/frameworks", null, null).body();
        JsonNode detail = send("GET", "/api/v1/frameworks/yj-2024", null, null).body();

        // Every folder under rules/ is listed; a framework added later must not break
        // this.
        assertThat(list.findValuesAsText("id")).containsExactlyElementsOf(RuleSetFiles.frameworks(Path.of(".")));
        JsonNode yj2024 = framework(list, "yj-2024");
        assertThat(yj2024.at("/rulesetVersion").asText()).startsWith("sha256:");
        assertThat(yj2024.at("/standards").findValuesAsText("code")).containsExactly("1.1", "1.2", "1.3", "2.1", "2.2",
                "2.3", "V1");
        assertThat(yj2024.at("/standards/0/required").asBoolean()).as("2024 domain one may be left out").isFalse();
        assertThat(framework(list, "yj-2018").at("/standards/0/required").asBoolean())
            .as("2018 domain one must be given")
            .isTrue();
        assertThat(detail.at("/lastLoad/status").asText()).isEqualTo("OK");
        assertThat(detail.at("/sources").toString()).contains("decision-tables/yj-2024/bandings.drl.xlsx",
                "rules/yj-2024/framework.yaml");
    }

    @Test
    void hostileAndMalformedRequestsGetProblemsNever500() throws Exception {
        String deep = "{\"keyQuestions\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        Object[][] cases = { { "POST", RATE, "application/json", "{\"inspectionType\": ", 400 },
                { "POST", RATE, "application/json", "", 400 }, { "POST", RATE, "application/json", "null", 400 },
                { "POST", RATE, "application/json", "[]", 400 }, { "POST", RATE, "application/json", deep, 400 },
                { "POST", RATE, "application/json", "{\"keyQuestions\": {\"2.1.1\": {\"yes\": 1e400}}}", 400 },
                { "POST", RATE, "application/json", "{\"keyQuestions\": {\"2.1.1\": {\"yes\": 1, \"yes\": 2}}}", 400 },
                { "POST", RATE, "text/plain", "hello", 415 },
                { "POST", RATE, "application/json", "{\"service\": \"" + "x".repeat(1_100_000) + "\"}", 413 },
                { "POST", "/api/v1/frameworks/yj-1999/ratings", "application/json", "{}", 404 },
                { "POST", "/api/v1/frameworks/..%2f..%2fetc/ratings", "application/json", "{}", 400 },
                { "GET", RATE, null, null, 405 }, { "GET", "/api/v1/frameworks/nope", null, null, 404 },
                { "POST", RATE, "application/json",
                        "{\"inspectionType\": \"IYJWCV\", \"cases\": [{\"answers\": {\"2.1.1\": \"yes\"}}]}", 400 }, };
        for (Object[] c : cases) {
            Reply reply = send((String) c[0], (String) c[1], (String) c[2], (String) c[3]);
            String what = c[0] + " " + c[1] + " "
                    + (c[3] == null ? "" : ((String) c[3]).substring(0, Math.min(60, ((String) c[3]).length())));
            assertThat(reply.status()).as(what).isEqualTo(c[4]);
            assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
            assertThat(reply.body().at("/status").asInt()).as(what).isEqualTo(c[4]);
            assertThat(reply.body().at("/title").asText()).as(what).isNotBlank();
        }
    }

    @Test
    void invalidFactsNameEveryFieldAtOnce() throws Exception {
        Reply reply = send("POST", RATE, "application/json", """
                {"inspectionType": "IYJWCV",
                 "keyQuestions": {"2.1.1": {"yes": 21, "cases": 20}, "2.9.9": {"yes": 1, "cases": 1}},
                 "judgements": {"V1.2": true}, "ratings": {"1.1": "GOOD"}}""");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().at("/detail").asText()).isEqualTo("3 problems");
        assertThat(reply.body().at("/errors").findValuesAsText("field"))
            .containsExactlyInAnyOrder("keyQuestions.2.1.1.yes", "keyQuestions.2.9.9", "ratings.1.1");
        assertThat(reply.body().at("/errors/0/message").asText()).isEqualTo("yes (21) exceeds cases (20)");
    }

    private static JsonNode framework(JsonNode list, String id) {
        for (JsonNode framework : list) {
            if (framework.at("/id").asText().equals(id)) {
                return framework;
            }
        }
        throw new AssertionError("no framework " + id + " in " + list);
    }

    private static JsonNode traceFor(JsonNode body, String result) {
        for (JsonNode entry : body.at("/trace")) {
            if (entry.at("/result").asText().equals(result)) {
                return entry;
            }
        }
        return null;
    }

    private static String request() throws Exception {
        return Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
    }

    private Reply send(String method, String path, String contentType, String body) {
        return ApiClient.onPort(port).send(method, path, contentType, body);
    }

}
