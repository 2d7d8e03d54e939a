package uk.inspection.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.ruleset.DataFolder;
import uk.inspection.InspectionRatingsApplication;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ServiceProcesses;
import uk.inspection.support.ApiClient.FilePart;

/**
 * Two instances of the service, two processes on this machine, on one shared store: one
 * opens the bare repository directly, the other mirrors it as a remote ({@code file://}
 * URL). A change published through the first is served by both. How soon is printed, not
 * asserted (a timing on a shared machine is a measurement, not a test): the second
 * instance fetches every second here, so it converges in about a second on an idle
 * machine; the bound below only says that it converges at all.
 */
class TwoInstancesTest {

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    @Test
    void bothInstancesServeAPublishedVersion(@TempDir Path temp) throws Exception {
        Path shared = temp.resolve("shared.git");
        GitRuleStore
            .open(new StoreProperties(shared.toString(), null, null, null),
                    new DataFolder(temp.resolve("seed").toString()), Path.of("."))
            .close();
        List<Process> processes = new ArrayList<>();
        try {
            ApiClient a = start(processes, temp.resolve("a"), shared.toString());
            ApiClient b = start(processes, temp.resolve("b"), shared.toUri().toString());
            String request = Files
                .readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
            String before = a.post(RATE, request).body().at("/rulesetVersion").asText();
            assertThat(b.post(RATE, request).body().at("/rulesetVersion").asText()).isEqualTo(before);

            String text = Files.readString(Path.of("rules/yj-2024/triggers.drl"))
                    + "\n// published through one instance\n";
            String draft = a
                .upload("/api/v1/frameworks/yj-2024/drafts",
                        List.of(new FilePart("files", "triggers.drl", text.getBytes())), Map.of(), "Authorization",
                        ApiClient.basic("erin", "e"))
                .body()
                .at("/draft/id")
                .asText();
            ApiClient.Reply approved = a.approve(draft, "", "Authorization", ApiClient.basic("alex", "a"));
            assertThat(approved.status()).as(approved.text()).isEqualTo(200);
            long published = System.nanoTime();
            String after = a.post(RATE, request).body().at("/rulesetVersion").asText();
            assertThat(after).isNotEqualTo(before);

            while (!b.post(RATE, request).body().at("/rulesetVersion").asText().equals(after)
                    && System.nanoTime() - published < Duration.ofSeconds(60).toNanos()) {
                Thread.sleep(100);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - published);
            System.out.printf("The second instance served the published version %d ms after the publish answered%n",
                    took.toMillis());
            assertThat(b.post(RATE, request).body().at("/rulesetVersion").asText()).isEqualTo(after);
            assertThat(b.get("/api/v1/store").body().at("/servingCommit").asText())
                .isEqualTo(a.get("/api/v1/store").body().at("/servingCommit").asText());
        }
        finally {
            for (Process process : processes) {
                ServiceProcesses.stop(process);
            }
        }
    }

    private static ApiClient start(List<Process> processes, Path data, String store) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(data);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), InspectionRatingsApplication.class.getName(),
                "--server.port=" + port, "--rules.store=" + store, "--rules.data=" + data, "--rules.store-refresh=1s",
                "--access.users[0].username=erin", "--access.users[0].password={noop}e",
                "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
                "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver")
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("log.txt").toFile())
            .start();
        processes.add(process);
        ApiClient api = ApiClient.onPort(port);
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
            assertThat(process.isAlive()).as("instance on %s died: see %s", port, data.resolve("log.txt")).isTrue();
            Thread.sleep(250);
        }
        throw new AssertionError("instance on port " + port + " did not start; see " + data.resolve("log.txt"));
    }

}
