package uk.inspection.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.ConsoleSession;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Four eyes bound to what was reviewed, on a real store over HTTP: an approval names the
 * head the approver read and is refused once the draft moved (in the API and on the
 * console's form); nobody who changed a draft's files approves it, whatever name they
 * write it under; and a browser elsewhere cannot post an approval with the credentials it
 * holds.
 */
class FourEyesTest {

    /** Sam both edits and approves; "ｅｒｉｎ" is Erin's name in full-width letters. */
    private static final String[] USERS = { "--access.users[0].username=erin", "--access.users[0].password={noop}e",
            "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
            "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver",
            "--access.users[2].username=sam", "--access.users[2].password={noop}s",
            "--access.users[2].roles=methodology-editor,methodology-approver", "--access.users[3].username=ｅｒｉｎ",
            "--access.users[3].password={noop}f", "--access.users[3].roles=methodology-approver" };

    private static final String[] ERIN = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String[] ALEX = { "Authorization", ApiClient.basic("alex", "a") };

    private static final String[] SAM = { "Authorization", ApiClient.basic("sam", "s") };

    private static final String[] FULL_WIDTH_ERIN = { "Authorization", ApiClient.basic("ｅｒｉｎ", "f") };

    private static final Pattern HEAD_FIELD = Pattern.compile("name=\"head\" value=\"([0-9a-f]{40})\"");

    @TempDir
    static Path temp;

    private static RunningService service;

    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.onStore(temp.resolve("data"),
                RulesHomeCopy.of(temp.resolve("home"), "yj-2024").withFixtures(), USERS);
        api = service.api();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anApprovalNamesTheHeadItReviewed() throws IOException {
        String draft = draft("triggers.drl", "needs the head", ERIN);
        String published = publishedHead();

        Reply withoutHead = api.post("/api/v1/drafts/" + draft + "/approve", "{\"message\": \"Fine\"}", ALEX);
        Reply noBody = api.send("POST", "/api/v1/drafts/" + draft + "/approve", null, null, ALEX);

        for (Reply refused : List.of(withoutHead, noBody)) {
            assertThat(refused.status()).as(refused.text()).isBetween(400, 499);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().at("/errors/0/field").asText()).as(refused.text()).isEqualTo("head");
        }
        assertThat(publishedHead()).isEqualTo(published);
    }

    @Test
    void aDraftAmendedSinceItWasReviewedIsNotApproved() throws IOException {
        String draft = draft("victims.drl", "reviewed", ERIN);
        String reviewed = api.get("/api/v1/drafts/" + draft, ALEX).body().at("/draft/head").asText();
        String published = publishedHead();
        Reply amended = api.upload("/api/v1/drafts/" + draft + "/files", List.of(drl("handoffs.drl", "slipped in")),
                Map.of(), ERIN);
        assertThat(amended.status()).as(amended.text()).isEqualTo(200);
        String moved = amended.body().at("/draft/head").asText();

        Reply stale = approve(draft, reviewed, ALEX);

        assertThat(stale.status()).as(stale.text()).isEqualTo(409);
        assertThat(stale.body().at("/detail").asText()).contains(reviewed, moved);
        assertThat(stale.body().at("/errors").findValuesAsText("field")).contains("head", "rules/yj-2024/handoffs.drl")
            .doesNotContain("rules/yj-2024/victims.drl");
        assertThat(publishedHead()).isEqualTo(published);
        // Reviewed again, at its head now, it publishes.
        Reply approved = approve(draft, moved, ALEX);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().at("/status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void nobodyWhoChangedADraftApprovesIt() throws IOException {
        String draft = draft("domain-one.drl", "Erin's", ERIN);
        Reply amended = api.upload("/api/v1/drafts/" + draft + "/files", List.of(drl("domain-two.drl", "Sam's")),
                Map.of(), SAM);
        assertThat(amended.status()).as(amended.text()).isEqualTo(200);
        String published = publishedHead();

        String head = amended.body().at("/draft/head").asText();

        // Refused for who they are, before what they name.
        for (Reply byAmender : List.of(api.post(approveAt(draft), "{}", SAM), approve(draft, head, SAM))) {
            assertThat(byAmender.status()).as(byAmender.text()).isEqualTo(403);
            assertThat(byAmender.body().at("/detail").asText()).contains("sam amended");
        }
        assertThat(publishedHead()).isEqualTo(published);
    }

    @Test
    void oneNameWrittenTwoWaysIsOnePerson() throws IOException {
        String draft = draft("key-questions.drl", "by Erin", ERIN);
        String head = api.get("/api/v1/drafts/" + draft, ALEX).body().at("/draft/head").asText();
        String published = publishedHead();

        for (Reply byHerself : List.of(api.post(approveAt(draft), "{}", FULL_WIDTH_ERIN),
                approve(draft, head, FULL_WIDTH_ERIN))) {
            assertThat(byHerself.status()).as(byHerself.text()).isEqualTo(403);
            assertThat(byHerself.body().at("/detail").asText()).contains("ｅｒｉｎ created");
        }
        assertThat(publishedHead()).isEqualTo(published);
    }

    @Test
    void aWriteFromAnotherOriginNeedsAJsonBody() throws IOException {
        String draft = draft("overall.drl", "from elsewhere", ERIN);
        String published = publishedHead();

        // What a form on another site makes a browser holding Basic credentials send.
        Reply approve = api.send("POST", "/api/v1/drafts/" + draft + "/approve", null, null, "Authorization", ALEX[1],
                "Origin", "https://elsewhere.example");
        Reply upload = api.upload("/api/v1/frameworks/yj-2024/drafts", List.of(drl("victims.drl", "elsewhere")),
                Map.of(), "Authorization", ERIN[1], "Origin", "https://elsewhere.example");

        for (Reply refused : List.of(approve, upload)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("Origin");
        }
        assertThat(publishedHead()).isEqualTo(published);
        Reply sameOrigin = api.upload("/api/v1/frameworks/yj-2024/drafts", List.of(drl("victims.drl", "here")),
                Map.of(), "Authorization", ERIN[1], "Origin", "http://localhost:" + service.port());
        assertThat(sameOrigin.status()).as(sameOrigin.text()).isEqualTo(201);
    }

    @Test
    void theConsoleApprovesTheHeadItShowedAndSaysWhenTheDraftMoved() throws IOException {
        String draft = draft("triggers.drl", "for the console", ERIN);
        ConsoleSession alex = ConsoleSession.signIn(service.port(), "alex", "a");
        String page = alex.get("/console/drafts/" + draft).body();
        String shown = ConsoleSession.field(page, HEAD_FIELD);
        Reply amended = api.upload("/api/v1/drafts/" + draft + "/files",
                List.of(drl("triggers.drl", "for the console, amended")), Map.of(), ERIN);
        String moved = amended.body().at("/draft/head").asText();

        HttpResponse<String> stale = alex.post("/console/drafts/" + draft + "/approve", page,
                Map.of("head", shown, "message", "Looks right"));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed since you reviewed it", moved, "rules/yj-2024/triggers.drl");
        assertThat(api.get("/api/v1/drafts/" + draft, ALEX).body().at("/draft/status").asText()).isEqualTo("OPEN");
        String again = alex.get("/console/drafts/" + draft).body();
        assertThat(ConsoleSession.field(again, HEAD_FIELD)).isEqualTo(moved);
        HttpResponse<String> approved = alex.post("/console/drafts/" + draft + "/approve", again,
                Map.of("head", moved, "message", "Looks right"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        assertThat(api.get("/api/v1/drafts/" + draft, ALEX).body().at("/draft/status").asText()).isEqualTo("PUBLISHED");
    }

    private static Reply approve(String draft, String head, String... user) {
        return api.post(approveAt(draft), Map.of("message", "Agreed", "head", head), user);
    }

    private static String approveAt(String draft) {
        return "/api/v1/drafts/" + draft + "/approve";
    }

    private static String draft(String file, String comment, String... user) throws IOException {
        Reply created = api.upload("/api/v1/frameworks/yj-2024/drafts", List.of(drl(file, comment)),
                Map.of("message", comment), user);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().at("/draft/id").asText();
    }

    private static String publishedHead() {
        return api.get("/api/v1/store").body().at("/publishedHead").asText();
    }

    /** A shipped DRL file with a comment added, under the file's name alone. */
    private static FilePart drl(String name, String comment) throws IOException {
        String text = Files.readString(Path.of("rules/yj-2024").resolve(name)) + "\n// " + comment + "\n";
        return new FilePart("files", name, text.getBytes());
    }

}
