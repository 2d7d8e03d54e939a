package uk.inspection.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * The journal's backlog while the records database is down: past the warning the service
 * says so (readiness detail, metric, log) and still answers; past the limit a decision
 * that cannot be recorded is not answered as if it were (503, as when the journal cannot
 * be written), and the instance is not ready.
 */
@ExtendWith(OutputCaptureExtension.class)
class JournalBacklogTest {

    @Test
    void pastTheWarningTheBacklogIsReportedAndPastTheLimitDecisionsAreRefused(@TempDir Path data, @TempDir Path home,
            CapturedOutput output) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<String> settings = new ArrayList<>(
                List.of(PostgresRecordsTest.settings("jdbc:postgresql://localhost:" + closed + "/postgres")));
        settings.addAll(List.of("--records.backlog-warning=16KB", "--records.backlog-limit=48KB"));
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        try (RunningService service = RunningService.onStore(data, RulesHomeCopy.of(home, "yj-2024").withFixtures(),
                settings.toArray(String[]::new))) {
            ApiClient api = service.api();
            List<String> states = new ArrayList<>();
            Reply rated = null;
            for (int i = 0; i < 100; i++) {
                rated = api.post(DecisionRecordsTest.RATE, request, DecisionRecordsTest.NORTH);
                states.add(api.get("/actuator/health/readiness", DecisionRecordsTest.ALEX)
                    .body()
                    .at("/components/decisionBacklog/status")
                    .asText());
                if (rated.status() != 200) {
                    break;
                }
            }
            assertThat(rated.status()).as("past the limit: %s", rated.text()).isEqualTo(503);
            assertThat(rated.body().at("/type").asText()).endsWith(":records-unavailable");
            assertThat(rated.body().at("/decisionId").isMissingNode()).isTrue();
            assertThat(states).as("the backlog's readiness, decision by decision")
                .startsWith("UP")
                .contains("WARNING")
                .endsWith("DOWN");
            Reply readiness = api.get("/actuator/health/readiness", DecisionRecordsTest.ALEX);
            assertThat(readiness.status()).as(readiness.text()).isEqualTo(503);
            Reply backlog = api.get("/actuator/metrics/decisions.journal.backlog", DecisionRecordsTest.ALEX);
            assertThat(backlog.body().at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(16 * 1024);
            assertThat(output.getOut()).contains("decision journal's backlog");
        }
    }

}
