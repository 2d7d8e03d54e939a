package uk.inspection.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.support.ApiClient;
import uk.inspection.support.QuarterGenerator;
import uk.inspection.support.ServiceTest;

/**
 * A whole quarter of 154 services through the real server: every service classified, and
 * the summary matches.
 */
@ServiceTest
class QuarterTest {

    @LocalServerPort
    int port;

    @Test
    void aQuarterOf154ServicesIsClassifiedAndSummarisedConsistently() throws Exception {
        JsonNode body = post("/api/v1/oversight/quarters", QuarterGenerator.quarter(154, 2025));

        JsonNode results = body.get("results");
        assertThat(results).hasSize(154);
        Map<String, Integer> counted = new HashMap<>();
        int priority = 0;
        for (JsonNode result : results) {
            int quadrant = result.get("quadrant").asInt();
            assertThat(quadrant).isBetween(1, 4);
            assertThat(result.get("priorityService").asBoolean()).as(result.get("service").asText())
                .isEqualTo(quadrant >= 3);
            assertThat(result.get("reasons")).isNotEmpty();
            counted.merge(String.valueOf(quadrant), 1, Integer::sum);
            priority += quadrant >= 3 ? 1 : 0;
        }
        JsonNode summary = body.get("summary");
        assertThat(summary.get("services").asInt()).isEqualTo(154);
        for (String quadrant : new String[] { "1", "2", "3", "4" }) {
            assertThat(summary.at("/byQuadrant/" + quadrant).asInt()).isEqualTo(counted.getOrDefault(quadrant, 0));
        }
        assertThat(summary.get("priorityServices").asInt()).isEqualTo(priority);
        assertThat(summary.get("flags").findValuesAsText("code").contains("PRIORITY_CAPACITY_EXCEEDED"))
            .isEqualTo(priority > 15);
    }

    @Test
    void ratingsAreNotServedFromTheOversightRuleSet() throws Exception {
        ApiClient.Reply reply = ApiClient.onPort(port).post("/api/v1/frameworks/yjb-oversight/ratings", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("detail").asText()).contains("not a ratings framework");
    }

    private JsonNode post(String path, Object body) {
        ApiClient.Reply reply = ApiClient.onPort(port).post(path, body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body();
    }

}
