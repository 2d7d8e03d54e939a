package uk.inspection.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.ServiceTest;

/**
 * {@code POST /api/v1/ratings}: one service's inspection (Service F of the
 * cross-framework fixtures, in each framework's request shape) rated with the framework
 * in force on its first day of fieldwork, on the first and the last day of each shipped
 * window, exactly as naming that framework in the path rates it; a date no window holds
 * is refused by name.
 */
@ServiceTest
class InForceRatingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RATE = "/api/v1/ratings";

    /** Service F in each ratings framework's request shape. */
    private static final Map<String, String> SERVICE_F = Map.of("yj-2018",
            "fixtures/cross/service-f-inadequate-under-both.json", "yj-2021",
            "fixtures/cross-2021-2024/service-f-inadequate-under-both.json", "yj-2024",
            "fixtures/cross-2021-2024/service-f-inadequate-under-both.json");

    @LocalServerPort
    int port;

    @Test
    void eachShippedWindowRatesWithItsFrameworkFromItsFirstDayToItsLast() throws Exception {
        List<String> rated = new ArrayList<>();
        for (JsonNode framework : ratingsFrameworks()) {
            String id = framework.path("id").asText();
            JsonNode window = framework.path("inForce");
            String until = window.path("until").asText(null);
            String chosenBy = "inForce " + window.path("from").asText() + ".." + (until == null ? "" : until);
            List<String> days = new ArrayList<>(List.of(window.path("from").asText()));
            days.add(until == null ? "2099-12-31" : until);

            for (String day : days) {
                ObjectNode request = serviceF(id).put("inspectionDate", day);
                Reply reply = api().post(RATE, request.toString());

                assertThat(reply.status()).as(id + " on " + day + ": " + reply.text()).isEqualTo(200);
                JsonNode answer = reply.body();
                assertThat(answer.path("framework").asText()).as(day).isEqualTo(id);
                assertThat(answer.path("ruleset").asText()).as(day).isEqualTo(id);
                assertThat(answer.path("chosenBy").asText()).as(day).isEqualTo(chosenBy);
                assertThat(withoutIds(answer)).as(id + " on " + day + ", as the framework's own path rates it")
                    .isEqualTo(
                            withoutIds(api().post("/api/v1/frameworks/" + id + "/ratings", request.toString()).body()));
                rated.add(id + " " + day);
            }
        }
        assertThat(rated).as("both edges of every shipped ratings framework's window").hasSize(6);
    }

    @Test
    void aDateNoWindowHoldsIsRefusedNamingTheDateAndEveryCandidate() throws Exception {
        List<JsonNode> frameworks = ratingsFrameworks();
        String dayBefore = LocalDate
            .parse(frameworks.stream()
                .map(f -> f.path("inForce").path("from").asText())
                .min(String::compareTo)
                .orElseThrow())
            .minusDays(1)
            .toString();

        Reply reply = api().post(RATE, serviceF("yj-2018").put("inspectionDate", dayBefore).toString());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("type").asText()).isEqualTo("urn:inspection-ratings:problem:invalid-facts");
        assertThat(reply.body().path("detail").asText()).contains(dayBefore);
        JsonNode error = reply.body().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("inspectionDate");
        for (JsonNode framework : frameworks) {
            assertThat(error.path("message").asText()).contains(framework.path("id").asText() + " inForce "
                    + framework.path("inForce").path("from").asText() + "..");
        }
    }

    @Test
    void withoutAnInspectionDateTheRequestIsRefusedNamingIt() throws Exception {
        Reply reply = api().post(RATE, serviceF("yj-2024").toString());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().at("/errors/0/field").asText()).isEqualTo("inspectionDate");
        assertThat(reply.body().at("/errors/0/message").asText()).startsWith("is required");
    }

    @Test
    void aDateThatIsNoDateIsMalformedNamingTheField() throws Exception {
        Reply reply = api().post(RATE, serviceF("yj-2024").put("inspectionDate", "2025-02-30").toString());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/field").asText()).isEqualTo("inspectionDate");
    }

    @Test
    void theFrameworkInThePathRatesWhateverTheInspectionDate() throws Exception {
        ObjectNode request = serviceF("yj-2018").put("inspectionDate", "2025-06-02");

        Reply reply = api().post("/api/v1/frameworks/yj-2018/ratings", request.toString());

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().path("framework").asText()).isEqualTo("yj-2018");
        assertThat(reply.body().has("chosenBy")).isFalse();
    }

    private List<JsonNode> ratingsFrameworks() {
        List<JsonNode> ratings = new ArrayList<>();
        api().get("/api/v1/frameworks").body().forEach(framework -> {
            if (SERVICE_F.containsKey(framework.path("id").asText())) {
                assertThat(framework.path("inForce").path("from").isTextual()).as(framework.toString()).isTrue();
                ratings.add(framework);
            }
        });
        assertThat(ratings).hasSize(SERVICE_F.size());
        return ratings;
    }

    private static ObjectNode serviceF(String framework) throws Exception {
        return (ObjectNode) JSON.readTree(Path.of(SERVICE_F.get(framework)).toFile())
            .path("inputs")
            .path(framework)
            .deepCopy();
    }

    private static JsonNode withoutIds(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(List.of("decisionId", "chosenBy"));
        return copy;
    }

    private ApiClient api() {
        return ApiClient.onPort(port);
    }

}
