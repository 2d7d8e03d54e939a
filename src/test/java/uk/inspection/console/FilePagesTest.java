package uk.inspection.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.drafts.Drafts;
import uk.inspection.store.GitRuleStore;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.ConsoleSession;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Files out of the console, as a signed-in browser downloads them through the links on
 * its pages: the table in force byte for byte as the store holds it, an older version's
 * files pinned from the version history, a draft's file and zip; a file that is not there
 * on the console's page; nobody signed in sent to sign in.
 */
class FilePagesTest {

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    private static final String TRIGGERS = "rules/yj-2024/triggers.drl";

    private static final Pattern VERSION_ZIP = Pattern
        .compile("href=\"(/console/frameworks/yj-2024/files\\.zip\\?version=(sha256:[0-9a-f]{64}))\"");

    @Test
    void theConsoleHandsOutTheStoresBytesOfAnyVersionAndOfADraft(@TempDir Path folder) throws IOException {
        RulesHomeCopy seed = RulesHomeCopy.of(folder.resolve("seed"), "yj-2024");
        try (RunningService service = RunningService.onStore(folder.resolve("data"), seed,
                "--access.users[0].username=erin", "--access.users[0].password={noop}e",
                "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
                "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver")) {
            ConsoleSession alex = ConsoleSession.signIn(service.port(), "alex", "a");
            byte[] oldTriggers = published(service).get(TRIGGERS);

            // The table in force, from the link beside its grid.
            String page = alex.get("/console/frameworks/yj-2024").body();
            String tableLink = "/console/frameworks/yj-2024/files/" + BANDINGS;
            assertThat(page).contains("href=\"" + tableLink + "\"", "href=\"/console/frameworks/yj-2024/files.zip\"");
            HttpResponse<byte[]> table = alex.bytes(tableLink);
            assertThat(table.statusCode()).isEqualTo(200);
            assertThat(table.body()).isEqualTo(published(service).get(BANDINGS));
            String before = table.headers().firstValue("Ruleset-Version").orElseThrow();
            assertThat(table.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"bandings@" + before.substring(7, 19) + ".drl.xlsx\"");

            // A draft's file and zip, from the links on its page.
            String edited = new String(oldTriggers) + "\n// from the console\n";
            Reply created = service.api()
                .upload("/api/v1/frameworks/yj-2024/drafts",
                        List.of(new FilePart("files", "triggers.drl", edited.getBytes())),
                        Map.of("message", "A comment"), "Authorization", ApiClient.basic("erin", "e"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String draft = created.body().at("/draft/id").asText();
            String draftPage = alex.get("/console/drafts/" + draft).body();
            String draftLink = "/console/drafts/" + draft + "/files/" + TRIGGERS;
            assertThat(draftPage).contains("href=\"" + draftLink + "\"",
                    "href=\"/console/drafts/" + draft + "/files.zip\"");
            assertThat(new String(alex.bytes(draftLink).body())).isEqualTo(edited);
            assertThat(unzip(alex.bytes("/console/drafts/" + draft + "/files.zip").body()).get(TRIGGERS))
                .isEqualTo(edited.getBytes());

            // Published: the version history offers each version's files, each its own.
            Reply approved = service.api().approve(draft, "Agreed", "Authorization", ApiClient.basic("alex", "a"));
            assertThat(approved.status()).as(approved.text()).isEqualTo(200);
            List<String[]> versions = versionLinks(alex.get("/console/frameworks/yj-2024").body());
            assertThat(versions).hasSize(2);
            assertThat(versions.get(1)[1]).isEqualTo(before);
            Map<String, byte[]> oldZip = unzip(alex.bytes(versions.get(1)[0]).body());
            assertThat(oldZip.get(TRIGGERS)).isEqualTo(oldTriggers);
            assertThat(unzip(alex.bytes(versions.get(0)[0]).body()).get(TRIGGERS)).isEqualTo(edited.getBytes());
            HttpResponse<byte[]> byPrefix = alex
                .bytes("/console/frameworks/yj-2024/files/" + TRIGGERS + "?version=" + before.substring(0, 19));
            assertThat(byPrefix.body()).isEqualTo(oldTriggers);
            assertThat(byPrefix.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("triggers@" + before.substring(7, 19) + ".drl");
            assertThat(alex.bytes("/console/frameworks/yj-2024/files/" + TRIGGERS).body()).isEqualTo(edited.getBytes());

            // What is not there is said on the console's page.
            HttpResponse<String> missing = alex.get("/console/frameworks/yj-2024/files/rules/yj-2024/none.drl");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(missing.body()).contains("Page not found", "rules/yj-2024/none.drl");
            assertThat(alex.get("/console/drafts/d-nosuch/files.zip").statusCode()).isEqualTo(404);

            // Nobody signed in is sent to sign in.
            ConsoleSession nobody = ConsoleSession.anonymous(service.port());
            for (String path : List.of(tableLink, "/console/frameworks/yj-2024/files.zip", draftLink)) {
                HttpResponse<byte[]> refused = nobody.bytes(path);
                assertThat(refused.statusCode()).as(path).isEqualTo(302);
                assertThat(refused.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/console/login");
            }
        }
    }

    /** Each version's zip link in the version history, newest first, with its version. */
    private static List<String[]> versionLinks(String page) {
        List<String[]> links = new ArrayList<>();
        Matcher found = VERSION_ZIP.matcher(page);
        while (found.find()) {
            links.add(new String[] { found.group(1), found.group(2) });
        }
        return links;
    }

    private static Map<String, byte[]> published(RunningService service) throws IOException {
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

}
