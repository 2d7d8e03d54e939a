package uk.inspection.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * The service as an operator runs it, on a real server over the real rule files: probes,
 * the served versions, Prometheus metrics, and who may read them. It starts with one
 * framework (yj-2018) that does not build, so it starts not ready.
 */
class OperationsTest {

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    private static final String[] METHODOLOGY = { "Authorization", ApiClient.basic("meth", "s3cret") };

    private static final String BREAK = "\nrule \"Broken on purpose\"\nwhen\n    nonsense(\nthen\nend\n";

    @TempDir
    static Path temp;

    static RulesHomeCopy copy;

    static RunningService service;

    static String request;

    @BeforeAll
    static void start() throws Exception {
        copy = RulesHomeCopy.of(temp.resolve("home"));
        Files.writeString(copy.file("rules/yj-2018/overall.drl"), BREAK, java.nio.file.StandardOpenOption.APPEND);
        service = RunningService.on(copy.home(), "--rules.data=" + temp.resolve("data"),
                "--access.methodology.username=meth", "--access.methodology.password={noop}s3cret");
        request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void readinessIsDownUntilEveryFrameworkHasBuiltAndStaysUpWhileALastGoodVersionServes() throws Exception {
        assertThat(service.get("/actuator/health/liveness").status()).isEqualTo(200);
        Reply notReady = service.get("/actuator/health/readiness", METHODOLOGY);
        assertThat(notReady.status()).as(notReady.text()).isEqualTo(503);
        assertThat(notReady.body().at("/components/ruleSets/details/frameworks/yj-2018/lastLoad").asText())
            .isEqualTo("FAILED");
        assertThat(notReady.body().at("/components/ruleSets/details/frameworks/yj-2024/serving").asText())
            .startsWith("sha256:");

        Path overall = copy.file("rules/yj-2018/overall.drl");
        String broken = Files.readString(overall);
        Files.writeString(overall, broken.replace(BREAK, ""));
        eventually(() -> service.get("/actuator/health/readiness"), r -> r.status() == 200);

        // A broken edit of a framework that serves: its last good version goes on
        // serving,
        // so the instance stays ready; the failure is counted.
        String served = service.get("/api/v1/frameworks/yj-2018").body().at("/rulesetVersion").asText();
        Files.writeString(overall, broken);
        eventually(() -> service.get("/api/v1/frameworks/yj-2018"),
                r -> "FAILED".equals(r.body().at("/lastLoad/status").asText()));
        Reply ready = service.get("/actuator/health/readiness", METHODOLOGY);
        assertThat(ready.status()).as(ready.text()).isEqualTo(200);
        assertThat(ready.body().at("/components/ruleSets/details/frameworks/yj-2018/serving").asText())
            .isEqualTo(served);
        assertThat(counter(prometheus(), "rules_loads_total", "framework=\"yj-2018\",result=\"failed\""))
            .isGreaterThanOrEqualTo(2);
        assertThat(counter(prometheus(), "rules_loads_total", "framework=\"yj-2018\",result=\"built\""))
            .isGreaterThanOrEqualTo(1);
        Files.writeString(overall, broken.replace(BREAK, ""));
    }

    @Test
    void healthIsOpenAndEveryOtherManagementEndpointNeedsAMethodologyRole() {
        Reply health = service.get("/actuator/health");
        assertThat(health.body().has("status")).isTrue();
        assertThat(health.body().has("components")).as("details only for a methodology role").isFalse();
        for (String path : new String[] { "/actuator/info", "/actuator/prometheus", "/actuator/metrics",
                "/actuator/metrics/rules.decisions" }) {
            Reply anonymous = service.get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.contentType()).as(path).startsWith("application/problem+json");
            assertThat(service.get(path, "Authorization", ApiClient.basic("meth", "wrong")).status()).as(path)
                .isEqualTo(401);
        }
        assertThat(service.get("/actuator/prometheus", METHODOLOGY).status()).isEqualTo(200);
        assertThat(service.get("/actuator/env", METHODOLOGY).status()).as("not exposed").isEqualTo(404);
    }

    @Test
    void infoNamesTheVersionEachFrameworkServes() {
        Reply info = service.get("/actuator/info", METHODOLOGY);

        assertThat(info.status()).isEqualTo(200);
        String version = service.get("/api/v1/frameworks/yj-2024").body().at("/rulesetVersion").asText();
        assertThat(info.body().at("/ruleSets/yj-2024/version").asText()).isEqualTo(version).startsWith("sha256:");
        assertThat(info.body().at("/ruleSets/yj-2024/kind").asText()).isEqualTo("RATINGS");
        assertThat(info.body().at("/ruleSets/yjb-oversight/kind").asText()).isEqualTo("OVERSIGHT");
        assertThat(info.body().at("/ruleSets/yj-2024/lastLoad/status").asText()).isEqualTo("OK");
    }

    @Test
    void prometheusCountsDecisionsByFrameworkVersionAndOutcomeWithALatencyHistogram() {
        // 67% on 2.1.1 is Good, everything else Outstanding with the panel's V1: 11 of
        // 12.
        Reply rated = service.post(RATE, request);
        assertThat(rated.status()).isEqualTo(200);
        String version = rated.body().at("/rulesetVersion").asText();
        String series = "framework=\"yj-2024\",kind=\"RATING\",outcome=\"OUTSTANDING\",version=\"" + version + "\"";
        double before = counter(prometheus(), "rules_decisions_seconds_count", series);
        assertThat(before).isGreaterThanOrEqualTo(1);

        service.post(RATE, request);
        service.post(RATE, request);

        String metrics = prometheus();
        assertThat(counter(metrics, "rules_decisions_seconds_count", series)).isEqualTo(before + 2);
        assertThat(metrics).contains("rules_decisions_seconds_bucket{" + series + ",le=\"+Inf\"}");
        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_bucket\\{.*uri=\"/api/v1/frameworks/\\{framework\\}/ratings\"");
        assertThat(metrics).containsPattern("(?m)^decisions_journal_backlog_bytes [0-9.E]+$");
        assertThat(metrics).containsPattern("(?m)^decisions_imported_total [0-9.E]+$");
        assertThat(metrics).contains("rules_builds_seconds_count{framework=\"yj-2024\"}");
    }

    private static String prometheus() {
        Reply reply = service.get("/actuator/prometheus", METHODOLOGY);
        assertThat(reply.status()).isEqualTo(200);
        return reply.text();
    }

    /** The value of one series, 0 when it is not there. */
    private static double counter(String metrics, String name, String labels) {
        Matcher value = Pattern.compile("(?m)^" + name + "\\{" + Pattern.quote(labels) + "\\} (\\S+)$")
            .matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private static Reply eventually(Callable<Reply> call, Predicate<Reply> done) throws Exception {
        return Eventually.await(Duration.ofSeconds(30), call, done);
    }

}
