package uk.inspection.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * With {@code management.server.port} set (docs/operations.md: the actuator on a port
 * only the load balancer and the monitoring reach), the probes and metrics are served
 * there and not on the public port, and the metrics still need a methodology role.
 */
class ManagementPortTest {

    private static final String[] METHODOLOGY = { "Authorization", ApiClient.basic("meth", "s3cret") };

    @TempDir
    static Path temp;

    static RunningService service;

    static ApiClient management;

    @BeforeAll
    static void start() throws Exception {
        // A service of its own (the management port moves the actuator off the public
        // one), so over yj-2024 alone, the framework it rates.
        service = RunningService.on(RulesHomeCopy.of(temp.resolve("home"), "yj-2024").home(),
                "--rules.data=" + temp.resolve("data"), "--management.server.port=0",
                "--access.methodology.username=meth", "--access.methodology.password={noop}s3cret");
        management = ApiClient.onPort(Integer.parseInt(service.property("local.management.port")));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void probesAreOnTheManagementPortAndNotOnThePublicOne() throws Exception {
        assertThat(Integer.parseInt(service.property("local.management.port"))).isNotEqualTo(service.port());
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(service.get("/actuator/health/readiness").status()).isEqualTo(404);
        assertThat(service.get("/actuator/prometheus", METHODOLOGY).status()).isEqualTo(404);
    }

    @Test
    void metricsOnTheManagementPortStillNeedAMethodologyRole() throws Exception {
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        assertThat(service.post("/api/v1/frameworks/yj-2024/ratings", request).status()).isEqualTo(200);

        assertThat(management.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(management.get("/actuator/info").status()).isEqualTo(401);
        Reply metrics = management.get("/actuator/prometheus", METHODOLOGY);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("framework=\"yj-2024\"");
        assertThat(management.get("/actuator/info", METHODOLOGY).body().toString()).contains("yj-2024");
    }

}
