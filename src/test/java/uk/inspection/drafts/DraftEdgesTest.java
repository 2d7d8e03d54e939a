package uk.inspection.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RunningService;
import uk.inspection.store.GitRuleStore;

/**
 * The edges of a draft's upload, on a real store over HTTP: too many parts, a path that
 * looks like another, content that makes the build or the fixture reader throw, and
 * nothing of the server's folders in any answer.
 */
class DraftEdgesTest {

    private static final String DRAFTS = "/api/v1/frameworks/yj-2024/drafts";

    private static final String[] USERS = { "--access.users[0].username=erin", "--access.users[0].password={noop}e",
            "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
            "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver" };

    private static final String[] ERIN = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String[] ALEX = { "Authorization", ApiClient.basic("alex", "a") };

    /** The shipped triggers.drl with a rule whose condition Drools reads as an OOPath. */
    private static final String ODD_DRL = shipped("triggers.drl")
            + "\nrule \"odd\"\nwhen\n    StandardDefinition() /code\nthen\nend\n";

    private static final int ODD_LINE = (int) ODD_DRL.lines().count() - 2;

    @TempDir
    static Path data;

    private static RunningService service;

    private static ApiClient api;

    @BeforeAll
    static void start() {
        service = RunningService.onStore(data, USERS);
        api = service.api();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aFormFieldSentAsAFileIsA400NamingIt() throws Exception {
        int drafts = api.get("/api/v1/frameworks/yj-2024/drafts", ERIN).body().size();

        Reply reply = api.upload(DRAFTS, List.of(new FilePart("files", "triggers.drl", bytes(shipped("triggers.drl"))),
                new FilePart("message", "message.txt", bytes("a message in a file"))), Map.of(), ERIN);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/field").asText()).isEqualTo("message");
        assertThat(reply.text()).doesNotContain("springframework");
        assertThat(api.get("/api/v1/frameworks/yj-2024/drafts", ERIN).body().size()).isEqualTo(drafts);
    }

    @Test
    void aVersionsPageFarPastTheEndIsEmptyNotA500() {
        Reply reply = api.get("/api/v1/frameworks/yj-2024/versions?page=2147483647&size=1000", ALEX);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void aPageBelowZeroOrASizeOutOfRangeIsRefusedNamingIt() {
        for (String listing : List.of("/api/v1/frameworks/yj-2024/versions", "/api/v1/decisions")) {
            Reply reply = api.get(listing + "?page=-1&size=2147483647", ALEX);

            assertThat(reply.status()).as(reply.text()).isEqualTo(422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body().at("/errors/0/field").asText()).isEqualTo("page");
            assertThat(reply.body().at("/errors/1/field").asText()).isEqualTo("size");
            assertThat(api.get(listing + "?size=0", ALEX).status()).isEqualTo(422);
            assertThat(api.get(listing + "?page=0&size=1000", ALEX).status()).isEqualTo(200);
        }
    }

    @Test
    void tooManyPartsIs413WithoutAStackTrace() {
        List<FilePart> parts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            parts.add(new FilePart("files", "f" + i + ".drl", "x".getBytes(StandardCharsets.UTF_8)));
        }
        int before = drafts();
        Reply api413 = api.upload(DRAFTS, parts, Map.of(), ERIN);
        assertThat(api413.status()).as(api413.text()).isEqualTo(413);
        assertThat(api413.contentType()).startsWith("application/problem+json");
        assertThat(api413.body().at("/detail").asText()).contains("more than 50 parts");
        assertThat(api413.text()).doesNotContain("Exception");

        Reply console = api.upload("/console/frameworks/yj-2024/drafts", parts, Map.of());
        assertThat(console.status()).as(console.text()).isEqualTo(413);
        assertThat(console.contentType()).startsWith("text/html");
        assertThat(console.text()).contains("There is a problem", "more than 50 parts")
            .doesNotContain("Exception")
            .doesNotContain("\tat ");
        assertThat(drafts()).isEqualTo(before);
    }

    @Test
    void aPathWithAnInvisibleCharacterIsRefusedNamingTheField() {
        int before = drafts();
        Reply invisible = api.upload(DRAFTS, List.of(new FilePart("files", "rules/yj-2024/triggers\u200B.drl",
                "package yj2024;\n".getBytes(StandardCharsets.UTF_8))), Map.of(), ERIN);
        assertThat(invisible.status()).as(invisible.text()).isEqualTo(422);
        assertThat(invisible.body().at("/errors/0/field").asText()).isEqualTo("files[0]");
        assertThat(invisible.body().at("/errors/0/message").asText()).contains("U+200B");
        assertThat(drafts()).isEqualTo(before);
    }

    @Test
    void aDrlPatternThatMakesTheBuildThrowIsALocated422AndNoDraft() throws Exception {
        String head = publishedHead();
        int before = drafts();
        Reply odd = api.upload(DRAFTS, List.of(new FilePart("files", "triggers.drl", ODD_DRL.getBytes())), Map.of(),
                ERIN);
        assertThat(odd.status()).as(odd.text()).isEqualTo(422);
        assertThat(odd.contentType()).startsWith("application/problem+json");
        assertThat(odd.body().at("/errors/0/field").asText()).isEqualTo("files[0]");
        assertThat(odd.body().at("/errors/0/message").asText())
            .startsWith("rules/yj-2024/triggers.drl:" + ODD_LINE + ": ")
            .contains("OOPath");
        assertNoServerPath(odd);
        assertThat(publishedHead()).isEqualTo(head);
        assertThat(drafts()).isEqualTo(before);
    }

    @Test
    void anEmptyFixtureIsALocated422AndNoDraft() throws Exception {
        int before = drafts();
        Reply empty = api.upload(DRAFTS, List.of(new FilePart("files", "fixtures/yj-2024/empty.json", "{}".getBytes())),
                Map.of(), ERIN);
        assertThat(empty.status()).as(empty.text()).isEqualTo(422);
        assertThat(empty.body().at("/errors/0/field").asText()).isEqualTo("files[0]");
        assertThat(empty.body().at("/errors/0/message").asText()).contains("fixtures/yj-2024/empty.json")
            .contains("framework");
        assertNoServerPath(empty);
        assertThat(drafts()).isEqualTo(before);
    }

    @Test
    void anAmendmentWithABrokenFixtureLeavesTheDraftsHeadWhereItWas() throws Exception {
        Reply created = api.upload(DRAFTS, List.of(drl("a comment")), Map.of(), ERIN);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().at("/draft/id").asText();
        String head = created.body().at("/draft/head").asText();

        Reply amended = api.upload("/api/v1/drafts/" + id + "/files",
                List.of(new FilePart("files", "fixtures/yj-2024/empty.json", "{}".getBytes())), Map.of(), ERIN);
        assertThat(amended.status()).as(amended.text()).isEqualTo(422);
        assertThat(api.get("/api/v1/drafts/" + id, ALEX).body().at("/draft/head").asText()).isEqualTo(head);
    }

    @Test
    void aDraftAlreadyHoldingABrokenFixtureAnswersWithItsProblems() throws Exception {
        Reply created = api.upload(DRAFTS, List.of(drl("before the break")), Map.of(), ERIN);
        String id = created.body().at("/draft/id").asText();
        // As a draft made before uploads were checked, or written by another version of
        // the service, would hold it.
        GitRuleStore store = service.bean(GitRuleStore.class);
        org.eclipse.jgit.lib.ObjectId head = store.head(GitRuleStore.DRAFTS + id);
        store.commit(GitRuleStore.DRAFTS + id, head, head, null,
                Map.of("fixtures/yj-2024/empty.json", "{}".getBytes(), "rules/yj-2024/triggers.drl",
                        ODD_DRL.getBytes()),
                GitRuleStore.person("erin"), "Amended\n\nStep: amended\nDraft: " + id + "\nFramework: yj-2024\n");

        Reply read = api.get("/api/v1/drafts/" + id, ALEX);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.body().at("/review/validation").findValuesAsText("file"))
            .contains("fixtures/yj-2024/empty.json", "rules/yj-2024/triggers.drl");
        assertThat(read.body().at("/review/validation").findValues("line")).anyMatch(l -> l.asInt() == ODD_LINE);
        assertNoServerPath(read);
        Reply approve = api.approve(id, "a broken fixture", ALEX);
        assertThat(approve.status()).as(approve.text()).isEqualTo(409);
    }

    @Test
    void noAnswerOfADraftReviewNamesTheServersFolders() {
        // A draft that does not build (its fixtures all fail for it), and one with a
        // fixture of a framework the draft does not hold: both said in words of the
        // rules, not of the scratch folder the review builds them in.
        String broken = shipped("triggers.drl") + "\nrule \"broken\"\nwhen\n    Nonsense(\n";
        Reply created = api.upload(DRAFTS, List.of(new FilePart("files", "triggers.drl", broken.getBytes())), Map.of(),
                ERIN);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().at("/review/fixtures/failed").asInt()).isPositive();
        assertThat(created.body().at("/review/validation/0/message").asText()).startsWith("Line ")
            .doesNotContain("Exception")
            .doesNotContain("\tat ");
        assertNoServerPath(created);
        Reply foreign = api.upload(DRAFTS,
                List.of(drl("a foreign fixture"), new FilePart("files", "fixtures/yj-2024/other-framework.json",
                        "{\"framework\": \"yj-2018\", \"request\": {}, \"expected\": {\"status\": 200}}".getBytes())),
                Map.of(), ERIN);
        assertThat(foreign.status()).as(foreign.text()).isEqualTo(201);
        assertThat(foreign.text()).contains("no framework yj-2018");
        assertNoServerPath(foreign);
        assertNoServerPath(api.get("/api/v1/drafts/" + foreign.body().at("/draft/id").asText(), ALEX));
    }

    private static void assertNoServerPath(Reply reply) {
        String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();
        assertThat(reply.text()).doesNotContain(tmp).doesNotContain(data.toAbsolutePath().toString());
    }

    private static String publishedHead() {
        return api.get("/api/v1/store").body().at("/publishedHead").asText();
    }

    private static int drafts() {
        return api.get(DRAFTS, ERIN).body().size();
    }

    /** The shipped triggers.drl with a comment added, under its name alone. */
    private static FilePart drl(String comment) {
        String text = shipped("triggers.drl") + "\n// " + comment + "\n";
        return new FilePart("files", "triggers.drl", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String shipped(String drl) {
        try {
            return Files.readString(Path.of("rules/yj-2024").resolve(drl));
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
