package uk.inspection.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.InspectionRatingsApplication;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.ServiceProcesses;

/**
 * The service, a process of its own, killed with SIGKILL while clients are being
 * answered: after a restart on the same data, every decision answered 200 before the kill
 * is in the database (it was in the journal before its answer left).
 */
class KillNineTest {

    @Test
    void everyDecisionAnsweredBeforeAKillNineIsRecordedAfterTheRestart(@TempDir Path data) throws Exception {
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        List<String> answered = Collections.synchronizedList(new ArrayList<>());
        Process first = start(data);
        ApiClient api = waitFor(first, data);
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
        long answering = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (answered.size() < 300 && System.nanoTime() < answering) {
            Thread.sleep(50);
        }
        first.destroyForcibly().waitFor();
        go.set(false);
        clients.shutdown();
        assertThat(answered).as("decisions answered before the kill").hasSizeGreaterThanOrEqualTo(300);
        List<String> before = List.copyOf(answered);

        Process second = start(data);
        try {
            ApiClient again = waitFor(second, data);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<String> missing = missing(again, before);
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(250);
                missing = missing(again, missing);
            }
            System.out.printf("kill -9 after %d decisions answered 200: %d missing after the restart%n", before.size(),
                    missing.size());
            assertThat(missing).as("decisions answered before the kill and not recorded after the restart").isEmpty();
        }
        finally {
            ServiceProcesses.stop(second);
        }
    }

    private static List<String> missing(ApiClient api, List<String> ids) {
        return ids.stream()
            .filter(id -> api.get("/api/v1/decisions/" + id, DecisionRecordsTest.ALEX).status() != 200)
            .toList();
    }

    private static Process start(Path data) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(data.resolve("port"), String.valueOf(port));
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), InspectionRatingsApplication.class.getName(),
                        "--server.port=" + port, "--rules.data=" + data));
        command.addAll(List.of(DecisionRecordsTest.SETTINGS));
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("log.txt").toFile()))
            .start();
    }

    private static ApiClient waitFor(Process process, Path data) throws Exception {
        ApiClient api = ApiClient.onPort(Integer.parseInt(Files.readString(data.resolve("port"))));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (api.get("/api/v1/store").status() == 200) {
                    return api;
                }
            }
            catch (RuntimeException e) {
                // not listening yet
            }
            assertThat(process.isAlive()).as("the service died: see %s", data.resolve("log.txt")).isTrue();
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start; see " + data.resolve("log.txt"));
    }

}
