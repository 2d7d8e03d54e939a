package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Rules that pass every check but loop on one input no check tried: the request that sets
 * them off is halted at the deadline, decided once more, and answered 503 naming the rule
 * set and the rule; they ran away again, so the version is withdrawn (never served or
 * pinned again, counted at {@code GET /api/v1/frameworks/{id}}) and the framework answers
 * 503 saying so, rather than an earlier version deciding in its place; every other
 * framework is answered throughout.
 */
class RunawayRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ASSESS = "/api/v1/oversight/assessments";

    @Test
    void aRuleSetThatRunsPastItsDeadlineTwiceIsWithdrawnAndItsFrameworkAnswers503(@TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp);
        ObjectNode plain = (ObjectNode) JSON
            .readTree(Path.of("fixtures/yjb-oversight/quadrant-1-all-six-criteria-strong.json").toFile())
            .get("request");
        ObjectNode trigger = plain.deepCopy();
        ((ObjectNode) trigger.at("/metrics/CUSTODY")).put("nationalPercentile", 42.5);
        // No firing limit to speak of: the deadline is what stops the loop.
        try (RunningService service = RunningService.on(copy.home(), "--rules.max-firings=1000000000",
                "--rules.evaluation-deadline=300ms")) {
            String good = service.api().post(ASSESS, plain).body().at("/rulesetVersion").asText();
            Files.copy(Path.of("src/test/resources/runaway/custody-loop.drl"),
                    copy.file("rules/yjb-oversight/custody-loop.drl"));
            String looping = eventually(() -> service.api().post(ASSESS, plain),
                    r -> !r.body().at("/rulesetVersion").asText().equals(good))
                .body()
                .at("/rulesetVersion")
                .asText();

            Reply halted = service.api().post(ASSESS, trigger);

            assertThat(halted.status()).isEqualTo(503);
            assertThat(halted.contentType()).startsWith("application/problem+json");
            assertThat(halted.body().at("/type").asText()).isEqualTo("urn:inspection-ratings:problem:rule-set-defect");
            // the loop allocates as it fires: whichever limit it passes first stops it
            assertThat(halted.body().at("/detail").asText())
                .contains("yjb-oversight", "KPI: look again at a custody percentile of 42.5",
                        "rules/yjb-oversight/custody-loop.drl:", looping + " is withdrawn")
                .containsAnyOf("after 300 ms", "allocated more than 64 MiB");

            // No earlier version serves in its place: only an approved publish changes
            // that.
            Reply after = service.api().post(ASSESS, plain);
            assertThat(after.status()).as(after.text()).isEqualTo(503);
            assertThat(after.contentType()).startsWith("application/problem+json");
            assertThat(after.body().at("/type").asText())
                .isEqualTo("urn:inspection-ratings:problem:rule-set-unavailable");
            assertThat(after.body().at("/detail").asText()).contains(looping, "withdrawn",
                    "KPI: look again at a custody percentile of 42.5", "a fix or a rollback");
            Reply pinned = service.api().post(ASSESS, plain, "Ruleset-Version", looping);
            assertThat(pinned.status()).isEqualTo(410);
            assertThat(pinned.body().at("/detail").asText()).contains("withdrawn");
            JsonNode detail = service.get("/api/v1/frameworks/yjb-oversight").body();
            assertThat(detail.at("/rulesetVersion").asText()).isEqualTo(looping);
            assertThat(detail.at("/withdrawn")).hasSize(1);
            assertThat(detail.at("/withdrawn/0/rulesetVersion").asText()).isEqualTo(looping);
            assertThat(detail.at("/withdrawn/0/culprit/file").asText())
                .isEqualTo("rules/yjb-oversight/custody-loop.drl");
            assertThat(
                    service
                        .post("/api/v1/frameworks/yj-2024/ratings",
                                Files.readString(
                                        Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json")))
                        .status())
                .isEqualTo(200);
        }
    }

    private static Reply eventually(Supplier<Reply> call, Predicate<Reply> done) throws Exception {
        return Eventually.await(Duration.ofSeconds(30), call::get, done);
    }

}
