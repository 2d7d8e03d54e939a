package uk.inspection.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.ServiceJvm;

/**
 * The service, a process of its own, killed with SIGKILL while clients are being
 * answered: after a restart on the same data, every decision answered 200 before the kill
 * is in the database (it was in the journal before its answer left).
 */
class KillNineTest {

    private static final Duration STARTING = Duration.ofSeconds(120);

    @Test
    void everyDecisionAnsweredBeforeAKillNineIsRecordedAfterTheRestart(@TempDir Path temp) throws Exception {
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        // A store of yj-2024 alone, the framework rated: the others would only lengthen
        // both starts.
        Path home = RulesHomeCopy.of(temp.resolve("home"), "yj-2024").withFixtures().home();
        Path data = temp.resolve("data");
        List<String> answered = Collections.synchronizedList(new ArrayList<>());
        ServiceJvm first = start(home, data);
        ApiClient api = first.awaitAnswering("/api/v1/store", STARTING);
        AtomicBoolean go = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.execute(() -> {
                while (go.get()) {
                    try {
                        Reply rated = api.post(DecisionRecordsTest.RATE, request, DecisionRecordsTest.NORTH);
                        if (rated.status() == 200) {
                            answered.add(rated.body().at("/decisionId").asText());
                        }
                    }
                    catch (RuntimeException e) {
                        return; // the service is gone
                    }
                }
            });
        }
        Eventually.poll(Duration.ofSeconds(120), answered::size, size -> size >= 300);
        first.kill();
        go.set(false);
        clients.shutdown();
        assertThat(answered).as("decisions answered before the kill").hasSizeGreaterThanOrEqualTo(300);
        List<String> before = List.copyOf(answered);

        try (ServiceJvm second = start(home, data)) {
            ApiClient again = second.awaitAnswering("/api/v1/store", STARTING);
            // Each look asks again only for those still missing.
            AtomicReference<List<String>> left = new AtomicReference<>(before);
            List<String> missing = Eventually.poll(Duration.ofSeconds(60),
                    () -> left.updateAndGet(ids -> missing(again, ids)), List::isEmpty);
            System.out.printf("kill -9 after %d decisions answered 200: %d missing after the restart%n", before.size(),
                    missing.size());
            assertThat(missing).as("decisions answered before the kill and not recorded after the restart").isEmpty();
        }
    }

    private static List<String> missing(ApiClient api, List<String> ids) {
        return ids.stream()
            .filter(id -> api.get("/api/v1/decisions/" + id, DecisionRecordsTest.ALEX).status() != 200)
            .toList();
    }

    private static ServiceJvm start(Path home, Path data) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--rules.home=" + home, "--rules.data=" + data));
        arguments.addAll(List.of(DecisionRecordsTest.SETTINGS));
        return ServiceJvm.start(data.resolveSibling("log.txt"), arguments.toArray(String[]::new));
    }

}
