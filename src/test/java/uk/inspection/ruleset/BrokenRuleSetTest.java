package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;

/**
 * A new folder is a new framework, with no Java change; a broken framework never stops
 * the service: it is reported with its errors and the other frameworks keep serving.
 */
class BrokenRuleSetTest {

    @Test
    void serviceStartsWithABrokenRuleSetServesTheOthersAndReportsWhere(@TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp);
        copyFolder(copy.file("rules/yj-2024"), copy.file("rules/yj-2024-draft"));
        copyFolder(copy.file("decision-tables/yj-2024"), copy.file("decision-tables/yj-2024-draft"));
        copy.setTableCell("decision-tables/yj-2024/overall-thresholds.drl.xlsx", "Overall: Good", "Total from",
                "seven");
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));

        try (RunningService service = RunningService.on(copy.home())) {
            Reply draft = service.post("/api/v1/frameworks/yj-2024-draft/ratings", request);
            Reply broken = service.post("/api/v1/frameworks/yj-2024/ratings", request);
            Reply detail = service.get("/api/v1/frameworks/yj-2024");
            Reply list = service.get("/api/v1/frameworks");

            assertThat(draft.status()).isEqualTo(200);
            assertThat(draft.body().at("/framework").asText()).isEqualTo("yj-2024-draft");
            assertThat(draft.body().at("/overall/rating").asText()).isEqualTo("OUTSTANDING");

            assertThat(broken.status()).isEqualTo(503);
            assertThat(broken.body().at("/title").asText()).isEqualTo("Rule set unavailable");

            JsonNode lastLoad = detail.body().at("/lastLoad");
            assertThat(lastLoad.at("/status").asText()).isEqualTo("FAILED");
            assertThat(lastLoad.at("/errors/0/file").asText())
                .isEqualTo("decision-tables/yj-2024/overall-thresholds.drl.xlsx");
            assertThat(lastLoad.at("/errors/0/row").asInt()).isEqualTo(14);
            assertThat(lastLoad.at("/errors/0/message").asText()).contains("seven");

            assertThat(list.body().findValuesAsText("id")).contains("yj-2024", "yj-2024-draft")
                .containsExactlyElementsOf(RuleSetFiles.frameworks(copy.home()));
        }
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

}
