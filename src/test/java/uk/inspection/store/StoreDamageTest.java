package uk.inspection.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.ruleset.DataFolder;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * A running service whose store is damaged underneath it, as a shared store can be: it
 * goes on serving what it has built, readiness turns down, and one framework's damage
 * leaves the others (and the frameworks listing) answering.
 */
class StoreDamageTest {

    private static final String RATE_2024 = "/api/v1/frameworks/yj-2024/ratings";

    private static final String RATE_2018 = "/api/v1/frameworks/yj-2018/ratings";

    private static final String[] METHODOLOGY = { "Authorization", ApiClient.basic("meth", "s3cret") };

    private static final String[] SETTINGS = { "--access.methodology.username=meth",
            "--access.methodology.password={noop}s3cret", "--rules.store-refresh=1h" };

    @Test
    void aLostFileOfOneFrameworkMakesItUnavailableWhileTheOthersAndTheListingServe(@TempDir Path data,
            @TempDir Path home) throws Exception {
        // Two frameworks: the one damaged and another that goes on serving.
        RulesHomeCopy seed = RulesHomeCopy.of(home, "yj-2018", "yj-2024").withFixtures();
        String request2024 = Files
            .readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        String request2018 = new ObjectMapper()
            .readTree(Path.of("fixtures/yj-2018/band-edge-79-80-counts-80-of-100-outstanding.json").toFile())
            .get("request")
            .toString();
        try (RunningService service = RunningService.onStore(data, seed, SETTINGS)) {
            String served2024 = service.post(RATE_2024, request2024).body().at("/rulesetVersion").asText();
            assertThat(service.post(RATE_2018, request2018).status()).isEqualTo(200);

            // Another instance publishes an edit of yj-2018 to the shared store, whose
            // new file is then lost.
            byte[] edited = (Files.readString(Path.of("rules/yj-2018/overall.drl")) + "\n// edited elsewhere\n")
                .getBytes();
            try (GitRuleStore other = GitRuleStore.openExisting(data.resolve("rules.git"))) {
                ObjectId head = other.head(GitRuleStore.PUBLISHED);
                other.commit(GitRuleStore.PUBLISHED, head, head, null, Map.of("rules/yj-2018/overall.drl", edited),
                        GitRuleStore.person("erin"),
                        "Edited elsewhere\n\nStep: published\nFramework: yj-2018\nApproved-by: alex\n");
            }
            String blob = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, edited).getName();
            Files.delete(data.resolve("rules.git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
            service.post("/api/v1/store/refresh", "{}");

            Reply listing = service.get("/api/v1/frameworks");
            assertThat(listing.status()).as(listing.text()).isEqualTo(200);
            JsonNode yj2018 = framework(listing.body(), "yj-2018");
            assertThat(yj2018.at("/damaged").asText()).contains("rules/yj-2018/overall.drl").contains(blob);
            assertThat(framework(listing.body(), "yj-2024").at("/rulesetVersion").asText()).isEqualTo(served2024);
            assertThat(framework(listing.body(), "yj-2024").has("damaged")).isFalse();

            Reply rated2024 = service.post(RATE_2024, request2024);
            assertThat(rated2024.status()).as(rated2024.text()).isEqualTo(200);
            assertThat(rated2024.body().at("/rulesetVersion").asText()).isEqualTo(served2024);
            Reply rated2018 = service.post(RATE_2018, request2018);
            assertThat(rated2018.status()).as(rated2018.text()).isEqualTo(503);
            assertThat(rated2018.contentType()).startsWith("application/problem+json");
            assertThat(rated2018.body().at("/detail").asText()).contains("damaged")
                .contains("rules/yj-2018/overall.drl");
            assertThat(service.get("/api/v1/frameworks/yj-2018").status()).isEqualTo(200);

            Reply readiness = service.get("/actuator/health/readiness", METHODOLOGY);
            assertThat(readiness.status()).as(readiness.text()).isEqualTo(503);
            assertThat(readiness.body().at("/components/store/status").asText()).isEqualTo("DOWN");
            assertThat(readiness.body().at("/components/store/details/damage").asText()).contains(blob);
        }
    }

    @Test
    void garbageInThePublishedRefFoundOnARefreshKeepsEverythingServingAndTurnsReadinessDown(@TempDir Path data,
            @TempDir Path home) throws Exception {
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        try (RunningService service = RunningService.onStore(data, RulesHomeCopy.of(home, "yj-2024").withFixtures(),
                SETTINGS)) {
            String served = service.post(RATE_2024, request).body().at("/rulesetVersion").asText();
            assertThat(service.get("/actuator/health/readiness").status()).isEqualTo(200);

            Files.writeString(data.resolve("rules.git/refs/heads/published"), "garbage\n");
            Reply refreshed = service.post("/api/v1/store/refresh", "{}");

            assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
            assertThat(refreshed.body().at("/damage").asText()).contains("refs/heads/published");
            Reply readiness = service.get("/actuator/health/readiness", METHODOLOGY);
            assertThat(readiness.status()).as(readiness.text()).isEqualTo(503);
            assertThat(readiness.body().at("/components/store/details/damage").asText())
                .contains("refs/heads/published");
            Reply rated = service.post(RATE_2024, request);
            assertThat(rated.status()).as(rated.text()).isEqualTo(200);
            assertThat(rated.body().at("/rulesetVersion").asText()).isEqualTo(served);
            assertThat(service.get("/api/v1/frameworks").status()).isEqualTo(200);
        }
    }

    @Test
    void theServiceDoesNotStartOnADamagedStoreNorSeedsItAgain(@TempDir Path data) throws Exception {
        GitRuleStore.open(new StoreProperties(null, null, null, null), new DataFolder(data.toString()), Path.of("."))
            .close();
        Path ref = data.resolve("rules.git/refs/heads/published");
        Files.writeString(ref, "garbage\n");

        Throwable refused = catchThrowable(() -> RunningService.onStore(data, SETTINGS).close());
        assertThat(refused).rootCause()
            .isInstanceOf(DamagedStoreException.class)
            .hasMessageContaining("refs/heads/published")
            .hasMessageContaining("will not start");
        assertThat(Files.readString(ref)).isEqualTo("garbage\n");
        // What the log ends with: the damage and what to do, not the chain of beans.
        FailureAnalysis told = new DamagedStoreFailureAnalyzer().analyze(refused);
        assertThat(told.getDescription()).contains("refs/heads/published", "will not start");
        assertThat(told.getAction()).contains("A damaged rule store");
    }

    private static JsonNode framework(JsonNode listing, String id) {
        for (JsonNode framework : listing) {
            if (framework.at("/id").asText().equals(id)) {
                return framework;
            }
        }
        throw new AssertionError(id + " not listed: " + listing);
    }

}
