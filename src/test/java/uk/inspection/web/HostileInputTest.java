package uk.inspection.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.ServiceTest;

/**
 * The adversarial test's bad inputs, each against the real server: never rated, never a
 * 5xx, always a problem naming the field.
 */
@ServiceTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RATE_2024 = "/api/v1/frameworks/yj-2024/ratings";

    private static final String RATE_2018 = "/api/v1/frameworks/yj-2018/ratings";

    private static final String ASSESS = "/api/v1/oversight/assessments";

    private static final String QUARTERS = "/api/v1/oversight/quarters";

    @LocalServerPort
    int port;

    @Test
    void notANumberAndInfinityAsStringsAreRefusedForEveryKindOfNumber() throws Exception {
        ObjectNode rating = request("yj-2024-handoffs/timeline-iyjwcv-england-plain.json");
        ((ObjectNode) rating.at("/keyQuestions/2.1.1")).removeAll().put("percentage", "NaN");
        refused(RATE_2024, rating, 400, "keyQuestions.2.1.1.percentage");

        ObjectNode assessment = request("yjb-oversight/quadrant-1-all-six-criteria-strong.json");
        ((ObjectNode) assessment.at("/metrics/CUSTODY")).put("nationalPercentile", "NaN");
        refused(ASSESS, assessment, 400, "metrics.CUSTODY.nationalPercentile");
        ((ObjectNode) assessment.at("/metrics/CUSTODY")).put("nationalPercentile", "Infinity");
        refused(ASSESS, assessment, 400, "metrics.CUSTODY.nationalPercentile");

        ObjectNode quarter = request("yjb-oversight/quarter-small-ranking-tie-and-lower-is-better.json");
        ((ObjectNode) quarter.at("/services/0/metrics/REOFFENDING_BINARY")).put("value", "NaN");
        refused(QUARTERS, quarter, 400, "services[0].metrics.REOFFENDING_BINARY.value");
    }

    @Test
    void aDateOutsideTheSaneWindowIs422() throws Exception {
        ObjectNode rating = request("yj-2024-handoffs/timeline-iyjwcv-england-plain.json");
        rating.put("fieldworkEnd", "+999999999-12-31");
        refused(RATE_2024, rating, 422, "fieldworkEnd");
        rating.put("fieldworkEnd", "1899-12-31");
        refused(RATE_2024, rating, 422, "fieldworkEnd");
    }

    @Test
    void garbageAfterTheBodyIsRefused() throws Exception {
        String body = JSON.writeValueAsString(request("yj-2024-handoffs/timeline-iyjwcv-england-plain.json"));
        refused(RATE_2024, body + "xyz", 400, "body");
        refused(RATE_2024, body + body, 400, "body");
    }

    @Test
    void valuesOfTheWrongTypeAreNotConverted() throws Exception {
        ObjectNode rating = request("yj-2024-handoffs/timeline-iyjwcv-england-plain.json");
        rating.put("service", 123);
        refused(RATE_2024, rating, 400, "service");

        rating = request("yj-2024-handoffs/timeline-iyjwcv-england-plain.json");
        rating.putArray("fieldworkEnd");
        refused(RATE_2024, rating, 400, "fieldworkEnd");
        rating.putArray("fieldworkEnd").add(2025).add(3).add(12);
        refused(RATE_2024, rating, 400, "fieldworkEnd");
    }

    @Test
    void aDepartureReasonOfInvisibleCharactersIsNoReason() throws Exception {
        for (String invisible : new String[] { "\u00A0", "\u200B", "\u00A0\u200B\uFEFF \t" }) {
            ObjectNode rating = request("yj-2018/invalid-panel-departure-blank-reason-422.json");
            ((ObjectNode) rating.at("/panel/overall")).put("reason", invisible);
            refused(RATE_2018, rating, 422, "panel.overall.reason");
        }
    }

    @Test
    void aQuarterOverTheServicesCapIsRefusedAtOnceNamingTheCap() {
        ObjectNode quarter = JSON.createObjectNode().put("quarter", "2025-Q2");
        ArrayNode services = quarter.putArray("services");
        for (int i = 0; i < 1001; i++) {
            services.addObject().put("service", "Service " + i);
        }
        Reply reply = api().post(QUARTERS, quarter);

        assertProblem(reply, 422, "services");
        assertThat(reply.body().at("/errors/0/message").asText()).contains("1001", "at most 1000");
    }

    @Test
    void casesOverTheCapAreRefusedAtOnce() throws Exception {
        ObjectNode rating = request("yj-2024-handoffs/timeline-iyjwcv-england-plain.json");
        ArrayNode cases = rating.putArray("cases");
        for (int i = 0; i < 2001; i++) {
            cases.addObject().put("id", "C" + i);
        }
        Reply reply = api().post(RATE_2024, rating);

        assertProblem(reply, 422, "cases");
        assertThat(reply.body().at("/errors")).hasSize(1);
    }

    @Test
    void manyProblemsListTheFirstHundredWithTheTotal() throws Exception {
        ObjectNode rating = request("yj-2024-handoffs/timeline-iyjwcv-england-plain.json");
        ArrayNode cases = rating.putArray("cases");
        for (int i = 0; i < 1500; i++) {
            cases.addObject().put("id", "C" + i);
        }
        Reply reply = api().post(RATE_2024, rating);

        assertProblem(reply, 422, "cases[0].answers");
        assertThat(reply.body().at("/errors")).hasSize(100);
        assertThat(reply.body().at("/totalErrors").asInt()).isEqualTo(1500);
        assertThat(reply.body().at("/detail").asText()).isEqualTo("1500 problems; the first 100 are listed");
    }

    @Test
    void aMapOverTheEntriesCapIsRefusedBeforeAnyRuleRuns() throws Exception {
        ObjectNode assessment = request("yjb-oversight/quadrant-1-all-six-criteria-strong.json");
        ObjectNode grants = assessment.putObject("grantConditions");
        for (int i = 0; i < 201; i++) {
            grants.put("X" + i, "YES");
        }
        refused(ASSESS, assessment, 422, "grantConditions");

        assessment = request("yjb-oversight/quadrant-1-all-six-criteria-strong.json");
        assertThat(api().post(ASSESS, assessment).status()).as("the version serving is not withdrawn").isEqualTo(200);
    }

    @Test
    void aQuarterNamingAServiceTwiceOrAnotherQuarterIsRefused() throws Exception {
        ObjectNode quarter = request("yjb-oversight/quarter-small-ranking-tie-and-lower-is-better.json");
        ((ObjectNode) quarter.at("/services/1")).put("service", quarter.at("/services/0/service").asText());
        refused(QUARTERS, quarter, 422, "services[1].service");

        quarter = request("yjb-oversight/quarter-small-ranking-tie-and-lower-is-better.json");
        ((ObjectNode) quarter.at("/services/2")).put("quarter", "2024-Q4");
        refused(QUARTERS, quarter, 422, "services[2].quarter");
    }

    @Test
    void zeroAndNegativeZeroRankTheSame() throws Exception {
        ObjectNode quarter = request("yjb-oversight/quarter-small-ranking-tie-and-lower-is-better.json");
        ((ObjectNode) quarter.at("/services/0/metrics/REOFFENDING_BINARY")).put("value", 0.0);
        ((ObjectNode) quarter.at("/services/1/metrics/REOFFENDING_BINARY")).put("value", -0.0);
        ((ObjectNode) quarter.at("/services/1")).set("metrics", quarter.at("/services/0/metrics").deepCopy());
        ((ObjectNode) quarter.at("/services/1/metrics/REOFFENDING_BINARY")).put("value", -0.0);
        Reply reply = api().post(QUARTERS, quarter);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode first = reply.body().at("/results/0");
        JsonNode second = reply.body().at("/results/1");
        assertThat(second.get("quadrant")).isEqualTo(first.get("quadrant"));
        assertThat(second.get("reasons")).isEqualTo(first.get("reasons"));
    }

    private ApiClient api() {
        return ApiClient.onPort(port);
    }

    private void refused(String path, Object body, int status, String field) {
        assertProblem(api().post(path, body), status, field);
    }

    private static void assertProblem(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().at("/errors/0/field").asText()).as(reply.text()).isEqualTo(field);
        assertThat(reply.text()).doesNotContain("`", "java.", "Exception", "Feature");
    }

    private static ObjectNode request(String fixture) throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("fixtures", fixture).toFile()).get("request");
    }

}
