package uk.inspection.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.ruleset.DataFolder;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.ServiceJvm;

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

    private static final Duration STARTING = Duration.ofSeconds(120);

    @Test
    void bothInstancesServeAPublishedVersion(@TempDir Path temp) throws Exception {
        Path shared = temp.resolve("shared.git");
        // yj-2024 alone, the framework published and rated: the others would only
        // lengthen both starts.
        GitRuleStore
            .open(new StoreProperties(shared.toString(), null, null, null),
                    new DataFolder(temp.resolve("seed").toString()),
                    RulesHomeCopy.of(temp.resolve("home"), "yj-2024").withFixtures().home())
            .close();
        try (ServiceJvm first = start(temp.resolve("a"), shared.toString());
                ServiceJvm second = start(temp.resolve("b"), shared.toUri().toString())) {
            ApiClient a = first.awaitAnswering("/api/v1/store", STARTING);
            ApiClient b = second.awaitAnswering("/api/v1/store", STARTING);
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

            Eventually.poll(Duration.ofSeconds(60), () -> b.post(RATE, request).body().at("/rulesetVersion").asText(),
                    after::equals);
            Duration took = Duration.ofNanos(System.nanoTime() - published);
            System.out.printf("The second instance served the published version %d ms after the publish answered%n",
                    took.toMillis());
            assertThat(b.post(RATE, request).body().at("/rulesetVersion").asText()).isEqualTo(after);
            assertThat(b.get("/api/v1/store").body().at("/servingCommit").asText())
                .isEqualTo(a.get("/api/v1/store").body().at("/servingCommit").asText());
        }
    }

    /** Both instances start at once: on two cores their starts overlap. */
    private static ServiceJvm start(Path data, String store) throws Exception {
        return ServiceJvm.start(data.resolve("log.txt"), "--rules.store=" + store, "--rules.data=" + data,
                "--rules.store-refresh=1s", "--access.users[0].username=erin", "--access.users[0].password={noop}e",
                "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
                "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver");
    }

}
