package uk.inspection.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * An editor's upload is untrusted: each payload here would write a marker file if it ever
 * ran (its draft's review builds it, and the alert-contact table's rows fire as the rule
 * set is built). Each is refused at its file and line or cell, the store keeps its head,
 * and the marker is never written.
 */
class UntrustedUploadsTest {

    private static final String[] EDITOR = { "--access.users[0].username=erin", "--access.users[0].password={noop}e",
            "--access.users[0].roles=methodology-editor" };

    private static final String[] ERIN = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String TRIGGERS = "rules/yj-2024/triggers.drl";

    private static final String ALERTS = "decision-tables/yj-2024/alert-contacts.drl.xlsx";

    @Test
    void unicodeEscapesInRulesAndCellsAreRefusedAndNeverRun(@TempDir Path temp) throws Exception {
        Path marker = temp.resolve("marker");
        String write = "java.nio.file.Files.writeString(java.nio.file.Path.of(%s), %s);";
        String shipped = Files.readString(Path.of(TRIGGERS));
        String lineBreak = shipped + "\nrule \"note\"\nwhen\nthen\n// a note \\u000a "
                + write.formatted(quoted(marker, "\""), "\"ran\"") + "\nend\n";
        String quote = shipped + "\nrule \"note\"\nwhen\nthen\nString note = \"\\u0022; "
                + write.formatted(quoted(marker, "\\u0022"), "\\u0022ran\\u0022") + " //\";\nend\n";
        RulesHomeCopy copy = RulesHomeCopy.of(temp.resolve("home"));
        copy.setTableCell(ALERTS, "Alert contact: North of England", "Who is told",
                "the director\\u0022)); " + write.formatted(quoted(marker, "\\u0022"), "\\u0022ran\\u0022") + " //");

        try (RunningService service = RunningService.onStore(temp.resolve("data"),
                RulesHomeCopy.of(temp.resolve("seed"), "yj-2024").withFixtures(), EDITOR)) {
            ApiClient api = service.api();
            String head = api.get("/api/v1/store").body().at("/publishedHead").asText();

            assertRefused(api, new FilePart("files", "triggers.drl", bytes(lineBreak)),
                    TRIGGERS + ":" + lineOf(lineBreak, "\\u000a"));
            assertRefused(api, new FilePart("files", "triggers.drl", bytes(quote)),
                    TRIGGERS + ":" + lineOf(quote, "\\u0022"));
            assertRefused(api, new FilePart("files", "alert-contacts.drl.xlsx", Files.readAllBytes(copy.file(ALERTS))),
                    "cell D11");

            assertThat(api.get("/api/v1/store").body().at("/publishedHead").asText()).isEqualTo(head);
            assertThat(api.get("/api/v1/frameworks/yj-2024/drafts", ERIN).body()).isEmpty();
        }
        assertThat(marker).doesNotExist();
    }

    private static void assertRefused(ApiClient api, FilePart file, String where) {
        Reply reply = api.upload("/api/v1/frameworks/yj-2024/drafts", List.of(file), Map.of(), ERIN);
        assertThat(reply.status()).as(reply.text()).isEqualTo(422);
        assertThat(reply.text()).contains(where, "Unicode escape");
    }

    /** The marker's path as a Java string literal, quoted with {@code quote}. */
    private static String quoted(Path marker, String quote) {
        return quote + marker.toString().replace("\\", "/") + quote;
    }

    private static long lineOf(String text, String found) {
        return text.substring(0, text.indexOf(found)).lines().count();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
