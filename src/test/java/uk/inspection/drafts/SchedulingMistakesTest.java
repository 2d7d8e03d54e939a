package uk.inspection.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.ruleset.DataFolder;
import uk.inspection.store.GitRuleStore;
import uk.inspection.store.StoreProperties;
import uk.inspection.support.AdjustableClock;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Client mistakes around scheduled publication and evaluation as of a date, each answered
 * as a problem naming what was wrong, never taken for something else.
 */
class SchedulingMistakesTest {

    private static final String[] EDITOR = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String[] APPROVER = { "Authorization", ApiClient.basic("alex", "a") };

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    private static AdjustableClock clock;

    private static RunningService service;

    private static String request;

    private static int edits;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        Path shared = temp.resolve("shared.git");
        GitRuleStore
            .open(new StoreProperties(shared.toString(), null, null, null),
                    new DataFolder(temp.resolve("s").toString()),
                    RulesHomeCopy.of(temp.resolve("home"), "yj-2024").withFixtures().home())
            .close();
        clock = new AdjustableClock();
        service = RunningService.onStore(temp.resolve("a"), clock.asBean(), "--rules.store=" + shared,
                "--access.users[0].username=erin", "--access.users[0].password={noop}e",
                "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
                "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver");
        request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /**
     * A JavaScript client's {@code Date.now() + 3600000} is milliseconds; read as seconds
     * it would schedule the version for the year 58,000 and leave it never taking effect.
     */
    @Test
    void aNumberForEffectiveFromIsRefusedNamingItNotTakenAsSeconds() throws Exception {
        String draft = draft();
        String head = service.get("/api/v1/drafts/" + draft, APPROVER).body().at("/draft/head").asText();
        long inAnHour = clock.instant().plus(Duration.ofHours(1)).toEpochMilli();

        Reply approved = service.api()
            .post("/api/v1/drafts/" + draft + "/approve",
                    "{\"head\": \"" + head + "\", \"effectiveFrom\": " + inAnHour + "}", APPROVER);

        assertThat(approved.status()).as(approved.text()).isEqualTo(400);
        assertThat(approved.contentType()).startsWith("application/problem+json");
        assertThat(approved.body().at("/errors/0/field").asText()).isEqualTo("effectiveFrom");
        assertThat(service.get("/api/v1/drafts/" + draft, EDITOR).body().at("/draft/status").asText())
            .isEqualTo("OPEN");
    }

    /**
     * The framework-in-force endpoint takes no pin: a client that sends one is told so,
     * not answered with another version than it asked for; with Ruleset-As-Of as well it
     * is the 400 the two headers are everywhere.
     */
    @Test
    void theFrameworkInForceEndpointRefusesAPinRatherThanIgnoringIt() {
        String dated = request.replace("\"service\"", "\"inspectionDate\": \"2025-06-02\", \"service\"");
        String inForce = service.post(RATE, request).body().path("rulesetVersion").asText();

        Reply pinned = service.post("/api/v1/ratings", dated, "Ruleset-Version", "sha256:" + "0".repeat(64));
        assertThat(pinned.status()).as(pinned.text()).isEqualTo(400);
        assertThat(pinned.body().at("/errors/0/field").asText()).isEqualTo("Ruleset-Version");

        Reply both = service.post("/api/v1/ratings", dated, "Ruleset-Version", inForce, "Ruleset-As-Of",
                clock.instant().toString());
        assertThat(both.status()).as(both.text()).isEqualTo(400);
    }

    /**
     * RFC 3339 allows a lower-case {@code t} and {@code z}, and the approval's
     * effectiveFrom takes them: the header reads the same instant.
     */
    @Test
    void aLowerCaseInstantIsReadByRulesetAsOfAsTheApprovalReadsIt() {
        Instant now = clock.instant();
        String lower = now.toString().replace('T', 't').replace('Z', 'z');

        Reply asOf = service.post(RATE, request, "Ruleset-As-Of", lower);

        assertThat(asOf.status()).as(asOf.text()).isEqualTo(200);
        assertThat(asOf.body().path("rulesetVersion").asText()).isEqualTo(
                service.post(RATE, request, "Ruleset-As-Of", now.toString()).body().path("rulesetVersion").asText());
    }

    private static String draft() throws IOException {
        String text = Files.readString(Path.of("rules/yj-2024/triggers.drl")) + "\n// edit " + ++edits + "\n";
        return service.api()
            .upload("/api/v1/frameworks/yj-2024/drafts",
                    List.of(new FilePart("files", "triggers.drl", text.getBytes())), Map.of(), EDITOR)
            .body()
            .at("/draft/id")
            .asText();
    }

}
