package uk.inspection.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Eventually;
import uk.inspection.support.QuarterGenerator;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * The shadow's queue is bounded by bytes as well as by count: a quarter too large for
 * what is left of its budget is dropped and counted, while a small one is still shadowed.
 */
class ShadowQueueBytesTest {

    private static final String QUARTERS = "/api/v1/oversight/quarters";

    private static final String[] ALEX = { "Authorization", ApiClient.basic("alex", "a") };

    @Test
    void aDecisionLargerThanTheQueuesByteBudgetIsDroppedAndASmallOneShadowed(@TempDir Path data, @TempDir Path home)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (RunningService service = RunningService.onStore(data,
                RulesHomeCopy.of(home, "yjb-oversight").withFixtures(), "--access.users[0].username=alex",
                "--access.users[0].password={noop}a", "--access.users[0].roles=methodology-approver",
                "--shadow.queue-bytes=64KB")) {
            ApiClient api = service.api();
            String small = json.writeValueAsString(QuarterGenerator.quarter(2, 1));
            Reply first = api.post(QUARTERS, small);
            assertThat(first.status()).as(first.text()).isEqualTo(200);
            String framework = first.body().at("/ruleset").asText();
            Reply set = api.send("PUT", "/api/v1/frameworks/" + framework + "/shadow", "application/json",
                    "{\"version\": \"" + first.body().at("/rulesetVersion").asText() + "\"}", ALEX);
            assertThat(set.status()).as(set.text()).isEqualTo(200);

            assertThat(api.post(QUARTERS, json.writeValueAsString(QuarterGenerator.quarter(300, 2))).status())
                .isEqualTo(200);
            assertThat(api.post(QUARTERS, small).status()).isEqualTo(200);

            JsonNode report = Eventually.poll(Duration.ofSeconds(60),
                    () -> api.get("/api/v1/frameworks/" + framework + "/shadow", ALEX).body(),
                    shadow -> shadow.at("/shadowed").asLong() + shadow.at("/dropped").asLong() >= 2);
            assertThat(report.at("/dropped").asLong()).as("the large quarter, over 64 KB: %s", report).isEqualTo(1);
            assertThat(report.at("/shadowed").asLong()).as("the small quarter: %s", report).isEqualTo(1);
        }
    }

}
