package uk.inspection.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RawHttp;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Files out as a client, an editor and an approver get them wrong: a file name beyond
 * ASCII, a prefix of no version, HEAD, an empty or backslashed path, both version headers
 * at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilesOutMistakesTest {

    private static final String FILES = "/api/v1/frameworks/yj-2024/files";

    private static final String[] ERIN = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String[] ALEX = { "Authorization", ApiClient.basic("alex", "a") };

    private RunningService service;

    private ApiClient api;

    @BeforeAll
    void start(@TempDir Path folder) throws IOException {
        RulesHomeCopy seed = RulesHomeCopy.of(folder.resolve("seed"), "yj-2024").withFixtures();
        service = RunningService.onStore(folder.resolve("data"), seed, "--access.users[0].username=erin",
                "--access.users[0].password={noop}e", "--access.users[0].roles=methodology-editor",
                "--access.users[1].username=alex", "--access.users[1].password={noop}a",
                "--access.users[1].roles=methodology-approver");
        api = service.api();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    /**
     * An upload may name a file beyond ASCII (évaluation.drl); its download must say that
     * name in a form a browser reads (RFC 6266 filename*), not one the server writes as
     * ISO-8859-1 bytes or question marks.
     */
    @Test
    void aFileNamedBeyondAsciiIsDownloadedUnderItsName() {
        String name = "évaluation-評価.drl";
        Reply drafted = api.upload("/api/v1/frameworks/yj-2024/drafts",
                List.of(new FilePart("files", name, "package yj2024;\n".getBytes(StandardCharsets.UTF_8))), Map.of(),
                ERIN);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String draft = drafted.body().at("/draft/id").asText();

        Reply file = api.get("/api/v1/drafts/" + draft + "/files/rules/yj-2024/" + name, ALEX);

        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        String tag = file.header("Ruleset-Version").substring(7, 19);
        assertThat(file.header("Content-Disposition"))
            .contains("filename*=UTF-8''%C3%A9valuation-%E8%A9%95%E4%BE%A1%40" + tag + ".drl");
    }

    @Test
    void aPrefixOfTwelveDigitsThatNoVersionBeginsIsGone() {
        Reply gone = api.get(FILES, "Ruleset-Version", "sha256:0123456789ab", ALEX[0], ALEX[1]);

        assertThat(gone.status()).as(gone.toString()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
    }

    @Test
    void bothVersionHeadersAtOnceAreRefusedNamingOne() {
        String served = api.get(FILES, ALEX).body().at("/rulesetVersion").asText();

        Reply both = api.get(FILES + ".zip", "Ruleset-Version", served, "Ruleset-As-Of", "2026-01-01", ALEX[0],
                ALEX[1]);

        assertThat(both.status()).as(both.toString()).isEqualTo(400);
        assertThat(both.body().at("/errors/0/field").asText()).isEqualTo("Ruleset-As-Of");
    }

    @Test
    void headAnswersTheHeadersWithoutTheBytesAndAnEmptyPathIsNotAFile() {
        Reply head = api.send("HEAD", FILES + "/rules/yj-2024/triggers.drl", null, null, ALEX);
        Reply empty = api.get(FILES + "/", ALEX);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isNotBlank();
        assertThat(head.raw()).isEmpty();
        assertThat(empty.status()).as(empty.toString()).isEqualTo(404);
        assertThat(empty.body().at("/errors/0/field").asText()).isEqualTo("path");
        assertThat(api.send("OPTIONS", FILES, null, null).status()).isEqualTo(401);
    }

    @Test
    void aBackslashOrAnEncodedBackslashIsRefusedBeforeItIsRouted() {
        for (String path : List.of("rules\\yj-2024\\triggers.drl", "rules%5Cyj-2024%5Ctriggers.drl",
                "rules/yj-2024/triggers.drl%00", "rules//yj-2024/triggers.drl")) {
            RawHttp.Reply raw = RawHttp.send(service.port(), "GET " + FILES + "/" + path
                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ALEX[1] + "\r\nConnection: close\r\n\r\n");
            assertThat(raw.status()).as(path).isBetween(400, 404);
            assertThat(raw.isProblem()).as(path).isTrue();
        }
    }

    @Test
    void aDraftIdThatIsNoDraftIsNotFound() {
        for (String id : List.of("HEAD", "d-", "d-" + "a".repeat(40), "published")) {
            Reply none = api.get("/api/v1/drafts/" + id + "/files.zip", ALEX);
            assertThat(none.status()).as(id).isEqualTo(404);
        }
    }

}
