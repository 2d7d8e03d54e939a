package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;
import uk.inspection.support.ServiceTest;

/**
 * Edits made by the methodology team on a running service: a good edit goes live without
 * restart, a broken one changes nothing that is served and is reported where it is, a fix
 * recovers, and an earlier decision can be reproduced by pinning its version.
 */
@ServiceTest
class HotReloadTest {

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    private static final String[] METHODOLOGY = { "Authorization", ApiClient.basic("meth", "s3cret") };

    @LocalServerPort
    int port;

    @Test
    void editsGoLiveBrokenOnesDoNotAndPinnedVersionsReproduceOldDecisions(@TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp, "yj-2024");
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        try (RunningService service = RunningService.on(copy.home(), "--access.methodology.username=meth",
                "--access.methodology.password={noop}s3cret")) {
            Reply before = service.post(RATE, request);
            String original = before.body().at("/rulesetVersion").asText();
            assertThat(before.body().at("/keyQuestions/2.1.1/rating").asText()).isEqualTo("GOOD");

            // A good edit: Good starts at 70%.
            copy.setTableCell(BANDINGS, "Band: Too few", "Share below (%)", 70);
            copy.setTableCell(BANDINGS, "Band: Reasonable majority", "Share from (%)", 70);
            Reply after = eventually(() -> service.post(RATE, request),
                    r -> !r.body().at("/rulesetVersion").asText().equals(original));
            String edited = after.body().at("/rulesetVersion").asText();
            assertThat(after.body().at("/keyQuestions/2.1.1/rating").asText()).isEqualTo("REQUIRES_IMPROVEMENT");

            // The earlier decision, reproduced by pinning its version.
            Reply pinned = service.post(RATE, request, "Ruleset-Version", original);
            assertThat(pinned.status()).isEqualTo(200);
            assertThat(pinned.body().at("/rulesetVersion").asText()).isEqualTo(original);
            assertThat(pinned.body().at("/keyQuestions/2.1.1/rating").asText()).isEqualTo("GOOD");
            Reply gone = service.post(RATE, request, "Ruleset-Version", "sha256:" + "0".repeat(64));
            assertThat(gone.status()).isEqualTo(410);
            assertThat(gone.body().at("/detail").asText()).contains("not kept");
            // Two versions at once (two headers, which HTTP joins with a comma): which
            // one is meant is not guessed.
            Reply two = service.post(RATE, request, "Ruleset-Version", original, "Ruleset-Version", edited);
            assertThat(two.status()).as(two.text()).isEqualTo(400);
            assertThat(two.body().at("/errors/0/field").asText()).isEqualTo("Ruleset-Version");

            Reply versions = service.get("/api/v1/frameworks/yj-2024/versions", METHODOLOGY);
            assertThat(versions.body().findValuesAsText("rulesetVersion")).containsExactly(edited, original);
            assertThat(versions.body().at("/0/serving").asBoolean()).isTrue();
            assertThat(versions.body().at("/0/changedFiles").toString()).isEqualTo("[\"" + BANDINGS + "\"]");

            // A broken edit: the DRL no longer compiles. Nothing served changes; the
            // error is located.
            Path drl = copy.file("rules/yj-2024/domain-two.drl");
            String good = Files.readString(drl);
            Files.writeString(drl,
                    good.replace("then\n    insert(StandardResult.rated(", "then\n    insert(StandardResult.rated(;"));
            Reply failed = eventually(() -> service.get("/api/v1/frameworks/yj-2024"),
                    r -> "FAILED".equals(r.body().at("/lastLoad/status").asText()));
            assertThat(failed.body().at("/lastLoad/errors/0/file").asText()).isEqualTo("rules/yj-2024/domain-two.drl");
            assertThat(failed.body().at("/lastLoad/errors/0/line").asInt()).isPositive();
            assertThat(failed.body().at("/lastLoad/servingVersion").asText()).isEqualTo(edited);
            assertThat(failed.body().at("/lastLoad/failedVersion").asText()).startsWith("sha256:").isNotEqualTo(edited);
            Reply stillServed = service.post(RATE, request);
            assertThat(stillServed.status()).isEqualTo(200);
            assertThat(stillServed.body().at("/rulesetVersion").asText()).isEqualTo(edited);

            // Fixed: the next build goes live again.
            Files.writeString(drl, good);
            eventually(() -> service.get("/api/v1/frameworks/yj-2024"),
                    r -> "OK".equals(r.body().at("/lastLoad/status").asText()));
            assertThat(service.post(RATE, request).body().at("/rulesetVersion").asText()).isEqualTo(edited);
        }
    }

    @Test
    void managementNeedsTheMethodologyRoleAndEvaluationCanNeedAnApiKey(@TempDir Path temp) throws Exception {
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        try (RunningService service = RunningService.on(RulesHomeCopy.of(temp, "yj-2024", "probation-follow-up").home(),
                "--rules.watch=false", "--access.methodology.username=meth",
                "--access.methodology.password={noop}s3cret", "--access.api-key=k-123")) {
            Reply anonymous = service.get("/api/v1/frameworks/yj-2024/versions");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.body().at("/title").asText()).isEqualTo("Authentication required");
            assertThat(service
                .get("/api/v1/frameworks/yj-2024/versions", "Authorization", ApiClient.basic("meth", "wrong"))
                .status()).isEqualTo(401);
            assertThat(service.get("/api/v1/frameworks/yj-2024/versions", METHODOLOGY).status()).isEqualTo(200);
            assertThat(service.post("/api/v1/frameworks/yj-2024/reload", "", METHODOLOGY)
                .body()
                .at("/lastLoad/status")
                .asText()).isEqualTo("OK");

            assertThat(service.post(RATE, request).status()).isEqualTo(401);
            assertThat(service.post(RATE, request, "X-Api-Key", "nope").status()).isEqualTo(401);
            assertThat(service.post(RATE, request, "X-Api-Key", "k-123").status()).isEqualTo(200);
            assertThat(service.post("/api/v1/probation/follow-ups", "{}").status()).isEqualTo(401);
            assertThat(service.post("/api/v1/probation/follow-ups", "{}", "X-Api-Key", "k-123").status())
                .as("past the key, refused for want of a report kind")
                .isEqualTo(422);
            assertThat(service.get("/api/v1/frameworks").status()).isEqualTo(200);
        }
    }

    /** On the shared service, which has no credentials configured. */
    @Test
    void withoutConfiguredCredentialsNobodyManages() {
        assertThat(ApiClient.onPort(port)
            .get("/api/v1/frameworks/yj-2024/versions", "Authorization", ApiClient.basic("user", "password"))
            .status()).isEqualTo(401);
    }

    private static Reply eventually(Callable<Reply> call, java.util.function.Predicate<Reply> done) throws Exception {
        return Eventually.await(Duration.ofSeconds(20), call, done);
    }

}
