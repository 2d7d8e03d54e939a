package uk.inspection.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.regression.Fixture;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.ServiceTest;

/**
 * The probation follow-up endpoint over HTTP beyond the fixtures: the rule behind each
 * due date, and the rule set serving only its own kind of request.
 */
@ServiceTest
class FollowUpApiTest {

    private static final Path THEMATIC = Path
        .of("fixtures/probation-follow-up/thematic-action-plan-by-osag-10-weeks-after-draft-12-months-after-publication.json");

    @LocalServerPort
    int port;

    @Test
    void eachDueDateNamesTheRuleThatCountedIt() throws Exception {
        Fixture.Check check = Fixture.read(THEMATIC.getParent(), THEMATIC).checks().get("probation-follow-up");

        ApiClient.Reply reply = ApiClient.onPort(port).post("/api/v1/probation/follow-ups", check.request());

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().at("/rulesetVersion").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(traceFor(reply.body(), "actionPlan.due.actionPlan").at("/rule").asText())
            .isEqualTo("Due date: counted from receipt of the draft report for factual accuracy checks");
        assertThat(traceFor(reply.body(), "actionPlan.due.progressUpdate").at("/source").asText())
            .isEqualTo("rules/probation-follow-up/follow-up.drl");
    }

    @Test
    void ratingsAreNotServedFromTheFollowUpRuleSet() {
        ApiClient.Reply reply = ApiClient.onPort(port).post("/api/v1/frameworks/probation-follow-up/ratings", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("detail").asText()).contains("not a ratings framework");
    }

    @Test
    void aReportWithMoreRecommendationsOrAddresseesThanTheEntriesCapIsRefusedBeforeTheRules() {
        // limits.entries-per-field is 200 by default: 200 is accepted, 201 refused by
        // field
        Reply atCap = ApiClient.onPort(port).post("/api/v1/probation/follow-ups", report(200, 1));
        assertThat(atCap.status()).as(atCap.text()).isEqualTo(200);

        Reply recommendations = ApiClient.onPort(port).post("/api/v1/probation/follow-ups", report(201, 1));
        assertThat(recommendations.status()).as(recommendations.text()).isEqualTo(422);
        assertThat(recommendations.body().at("/errors/0/field").asText()).isEqualTo("recommendations");

        Reply addressees = ApiClient.onPort(port).post("/api/v1/probation/follow-ups", report(1, 201));
        assertThat(addressees.status()).as(addressees.text()).isEqualTo(422);
        assertThat(addressees.body().at("/errors/0/field").asText()).isEqualTo("recommendations[0].addressedTo");
    }

    /** A thematic report with this many recommendations, each addressed to this many. */
    private static String report(int recommendations, int addressees) {
        String to = String.join(",", Collections.nCopies(addressees, "\"PROBATION_PDU\""));
        StringBuilder body = new StringBuilder("{\"report\": \"Thematic\", \"reportKind\": \"THEMATIC\","
                + " \"draftReceived\": \"2025-05-06\", \"published\": \"2025-06-17\", \"recommendations\": [");
        for (int i = 0; i < recommendations; i++) {
            body.append(i == 0 ? "" : ",")
                .append("{\"id\": \"R")
                .append(i + 1)
                .append("\", \"text\": \"r\", \"addressedTo\": [")
                .append(to)
                .append("]}");
        }
        return body.append("]}").toString();
    }

    private static JsonNode traceFor(JsonNode body, String result) {
        for (JsonNode entry : body.at("/trace")) {
            if (entry.at("/result").asText().equals(result)) {
                return entry;
            }
        }
        throw new AssertionError("no trace entry for " + result + " in " + body.at("/trace"));
    }

}
