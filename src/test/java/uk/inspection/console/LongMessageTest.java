package uk.inspection.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.ConsoleSession;
import uk.inspection.support.SecuredServiceTest;

/**
 * A draft's message is the editor's to write at any length: the pages that show it (the
 * framework's open drafts, the draft itself) render it whole, for everyone.
 */
@SecuredServiceTest
class LongMessageTest {

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    @LocalServerPort
    int port;

    @Test
    void aMessageOfMoreThanAHundredThousandCharactersRendersWhole() throws Exception {
        String message = "Why: " + "x".repeat(100_001 - "Why: ".length() - 4) + " end";
        assertThat(message).hasSize(100_001);
        // An edited table, so that the draft's page shows its grid and changed cells
        // too.
        byte[] table = Files.readAllBytes(Path.of("examples/good-from-70").resolve(BANDINGS));
        Reply created = ApiClient.onPort(port)
            .upload("/api/v1/frameworks/yj-2024/drafts", List.of(new FilePart("files", "bandings.drl.xlsx", table)),
                    Map.of("message", message), "Authorization", ApiClient.basic("erin", "e"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String draft = created.body().at("/draft/id").asText();

        ConsoleSession alex = ConsoleSession.signIn(port, "alex", "a");
        for (String page : List.of("/console/frameworks/yj-2024", "/console/drafts/" + draft,
                "/console/frameworks/yj-2024/try")) {
            HttpResponse<String> shown = alex.get(page);
            assertThat(shown.statusCode()).as(page).isEqualTo(200);
            assertThat(shown.body()).as(page).contains(message);
        }
        assertThat(alex.get("/console/drafts/" + draft).body()).contains(BANDINGS + ", Bandings ");
    }

}
