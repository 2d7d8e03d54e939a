package uk.inspection.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.drafts.Drafts;
import uk.inspection.store.GitRuleStore;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RawHttp;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Files out of a real store: the exact bytes of the version in force, of an older one
 * pinned (by its full version or a prefix), of a draft's head, one file or all of them as
 * a zip, named with the version; nothing outside the framework's folders; methodology
 * roles only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilesOutTest {

    private static final String FILES = "/api/v1/frameworks/yj-2024/files";

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    private static final String TRIGGERS = "rules/yj-2024/triggers.drl";

    private static final String KEY = "k-files";

    private static final String[] ERIN = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String[] ALEX = { "Authorization", ApiClient.basic("alex", "a") };

    private static final String[] METH = { "Authorization", ApiClient.basic("meth", "m") };

    private RunningService service;

    private ApiClient api;

    @BeforeAll
    void start(@TempDir Path folder) throws IOException {
        RulesHomeCopy seed = RulesHomeCopy.of(folder.resolve("seed"), "yj-2024").withFixtures();
        service = RunningService.onStore(folder.resolve("data"), seed, "--access.users[0].username=erin",
                "--access.users[0].password={noop}e", "--access.users[0].roles=methodology-editor",
                "--access.users[1].username=alex", "--access.users[1].password={noop}a",
                "--access.users[1].roles=methodology-approver", "--access.methodology.username=meth",
                "--access.methodology.password={noop}m", "--access.api-key=" + KEY);
        api = service.api();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void theServedTableIsTheStoresBytesNamedWithTheVersion() throws IOException {
        String served = rate().body().at("/rulesetVersion").asText();

        Reply table = api.get(FILES + "/" + BANDINGS, ALEX);

        assertThat(table.status()).as(table.toString()).isEqualTo(200);
        assertThat(table.raw()).isEqualTo(published().get(BANDINGS));
        assertThat(table.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(table.header("Content-Disposition"))
            .isEqualTo("attachment; filename=\"bandings@" + served.substring(7, 19) + ".drl.xlsx\"");
        assertThat(table.header("Ruleset-Version")).isEqualTo(served);
        assertThat(table.header("ETag")).isEqualTo("\"" + sha256(table.raw()) + "\"");
        assertThat(api
            .get(FILES + "/" + BANDINGS, "Authorization", ApiClient.basic("alex", "a"), "If-None-Match",
                    table.header("ETag"))
            .status()).isEqualTo(304);
        assertThat(api.get(FILES + "/" + TRIGGERS, METH).contentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(api.get(FILES + "/rules/yj-2024/framework.yaml", METH).contentType()).isEqualTo("application/yaml");
    }

    @Test
    void theListAndTheZipHoldExactlyTheFrameworksFiles() throws IOException {
        Map<String, byte[]> store = published();

        JsonNode listing = api.get(FILES, ERIN).body();
        Reply zip = api.get(FILES + ".zip", ERIN);

        assertThat(listing.at("/files").findValuesAsText("path")).containsExactlyElementsOf(store.keySet());
        assertThat(listing.at("/files/0/size").asInt()).isEqualTo(store.values().iterator().next().length);
        assertThat(listing.at("/files/0/sha256").asText()).isEqualTo(sha256(store.values().iterator().next()));
        assertThat(listing.at("/rulesetVersion").asText()).isEqualTo(zip.header("Ruleset-Version"));
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.header("Content-Disposition"))
            .isEqualTo("attachment; filename=\"yj-2024@" + zip.header("Ruleset-Version").substring(7, 19) + ".zip\"");
        Map<String, byte[]> entries = unzip(zip.raw());
        assertThat(entries.keySet()).containsExactlyElementsOf(store.keySet())
            .anyMatch(path -> path.startsWith("fixtures/yj-2024/"))
            .contains(BANDINGS, TRIGGERS);
        store.forEach((path, bytes) -> assertThat(entries.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void nothingOutsideTheFrameworksFoldersIsServed() {
        for (String path : List.of("decision-tables/yj-2018/bandings.drl.xlsx", "rules/yj-2024/missing.drl", "pom.xml",
                "rules/yj-2024", "fixtures/README.md")) {
            Reply refused = api.get(FILES + "/" + path, METH);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().at("/detail").asText()).contains("'" + path + "'");
            assertThat(refused.body().at("/errors/0/message").asText()).isEqualTo(path);
        }
        assertThat(api.get("/api/v1/frameworks/nope/files/" + BANDINGS, METH).status()).isEqualTo(404);
        // A path that climbs out is refused before it is routed (the firewall's 400), raw
        // or encoded.
        for (String climbing : List.of("rules/yj-2024/../../pom.xml", "rules/yj-2024/%2e%2e/%2e%2e/pom.xml",
                "rules%2Fyj-2024%2F..%2F..%2Fpom.xml")) {
            RawHttp.Reply raw = RawHttp.send(service.port(), "GET " + FILES + "/" + climbing
                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ALEX[1] + "\r\nConnection: close\r\n\r\n");
            assertThat(raw.status()).as(climbing).isEqualTo(400);
            assertThat(raw.isProblem()).as(climbing).isTrue();
            assertThat(raw.body()).doesNotContain("<project");
        }
    }

    @Test
    void onlyMethodologyRolesReadTheFiles() {
        for (String path : List.of(FILES, FILES + ".zip", FILES + "/" + BANDINGS)) {
            assertThat(api.get(path).status()).as(path).isEqualTo(401);
            assertThat(api.get(path, "X-Api-Key", KEY).status()).as(path).isEqualTo(403);
            for (String[] who : List.of(ERIN, ALEX, METH)) {
                assertThat(api.get(path, who).status()).as(path + " " + who[1]).isEqualTo(200);
            }
        }
    }

    @Test
    void anOlderVersionIsServedPinnedByItsVersionOrAPrefixAndADraftAtItsHead() throws IOException {
        String before = rate().body().at("/rulesetVersion").asText();
        byte[] oldTriggers = published().get(TRIGGERS);
        String draft = api
            .upload("/api/v1/frameworks/yj-2024/drafts",
                    List.of(new FilePart("files", "triggers@" + before.substring(7, 19) + ".drl",
                            (new String(oldTriggers) + "\n// files out\n").getBytes())),
                    Map.of(), ERIN)
            .body()
            .at("/draft/id")
            .asText();

        Reply drafted = api.get("/api/v1/drafts/" + draft + "/files/" + TRIGGERS, ALEX);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(200);
        assertThat(new String(drafted.raw())).endsWith("// files out\n");
        assertThat(api.get("/api/v1/drafts/" + draft + "/files", ALEX).body().at("/files").findValuesAsText("path"))
            .containsExactlyElementsOf(published().keySet());
        assertThat(unzip(api.get("/api/v1/drafts/" + draft + "/files.zip", ALEX).raw()).get(TRIGGERS))
            .isEqualTo(drafted.raw());
        assertThat(api.get("/api/v1/drafts/" + draft + "/files/" + TRIGGERS).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/drafts/" + draft + "/files/" + TRIGGERS, "X-Api-Key", KEY).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/drafts/" + draft + "/files/rules/yj-2024/none.drl", ALEX).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/drafts/d-nosuch/files/" + TRIGGERS, ALEX).status()).isEqualTo(404);
        assertThat(api.approve(draft, "A comment", ALEX).status()).isEqualTo(200);

        String after = rate().body().at("/rulesetVersion").asText();
        assertThat(after).isNotEqualTo(before);
        assertThat(api.get(FILES + "/" + TRIGGERS, METH).raw()).isEqualTo(drafted.raw());
        for (String pin : List.of(before, before.substring(0, 19),
                before.substring(0, 19).toUpperCase().replace("SHA256", "sha256"))) {
            Reply old = api.get(FILES + "/" + TRIGGERS, "Ruleset-Version", pin, METH[0], METH[1]);
            assertThat(old.status()).as(pin + ": " + old).isEqualTo(200);
            assertThat(old.raw()).as(pin).isEqualTo(oldTriggers);
            assertThat(old.header("Ruleset-Version")).isEqualTo(before);
            assertThat(old.header("Content-Disposition")).contains("triggers@" + before.substring(7, 19) + ".drl");
        }
        Reply never = api.get(FILES + "/" + TRIGGERS, "Ruleset-Version", "sha256:" + "0".repeat(64), METH[0], METH[1]);
        assertThat(never.status()).isEqualTo(410);
        Reply rollback = api.post("/api/v1/frameworks/yj-2024/rollbacks",
                Map.of("to", before.substring(0, 19), "message", "Back"), ERIN);
        assertThat(rollback.status()).as(rollback.toString()).isEqualTo(201);
        assertThat(rollback.body().at("/draft/restores").asText()).isEqualTo(before);
        assertThat(api.post("/api/v1/frameworks/yj-2024/rollbacks", Map.of("to", before.substring(0, 18)), ERIN)
            .body()
            .at("/errors/0/field")
            .asText()).isEqualTo("to");
        Reply tooShort = api.get(FILES, "Ruleset-Version", before.substring(0, 18), METH[0], METH[1]);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body().at("/errors/0/field").asText()).isEqualTo("Ruleset-Version");
    }

    @Test
    void aPrefixOfTwelveHexDigitsPinsARatingAndElevenIsRefused() throws IOException {
        String served = rate().body().at("/rulesetVersion").asText();

        Reply twelve = rate("Ruleset-Version", served.substring(0, 19));
        Reply eleven = rate("Ruleset-Version", served.substring(0, 18));

        assertThat(twelve.status()).as(twelve.toString()).isEqualTo(200);
        assertThat(twelve.body().at("/rulesetVersion").asText()).isEqualTo(served);
        assertThat(eleven.status()).isEqualTo(400);
        assertThat(eleven.body().at("/errors/0/field").asText()).isEqualTo("Ruleset-Version");
        assertThat(eleven.body().at("/errors/0/message").asText()).contains("12 hex digits");
    }

    private Reply rate(String... headers) throws IOException {
        String[] all = new String[headers.length + 2];
        System.arraycopy(headers, 0, all, 0, headers.length);
        all[headers.length] = "X-Api-Key";
        all[headers.length + 1] = KEY;
        return api.post("/api/v1/frameworks/yj-2024/ratings",
                Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json")), all);
    }

    /** The framework's files at the store's published head, by path. */
    private Map<String, byte[]> published() throws IOException {
        GitRuleStore store = service.bean(GitRuleStore.class);
        return new TreeMap<>(store.files(store.head(GitRuleStore.PUBLISHED), Drafts.folders("yj-2024")));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
