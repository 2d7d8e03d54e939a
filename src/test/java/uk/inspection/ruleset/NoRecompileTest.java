package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;

/**
 * The methodology team's promise: edit a spreadsheet, restart nothing but the service,
 * recompile nothing. Same compiled classes, a copy of the rules with Good starting at 70%
 * instead of 65%.
 */
class NoRecompileTest {

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    @Test
    void editedBandingSpreadsheetChangesTheRatingWithoutRecompiling(@TempDir Path temp) throws Exception {
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        // Each service over yj-2024 alone, the framework rated.
        RulesHomeCopy copy = RulesHomeCopy.of(temp.resolve("edited"), "yj-2024");
        copy.setTableCell(BANDINGS, "Band: Too few", "Share below (%)", 70);
        copy.setTableCell(BANDINGS, "Band: Reasonable majority", "Share from (%)", 70);

        Reply shipped;
        try (RunningService service = RunningService.on(RulesHomeCopy.of(temp.resolve("shipped"), "yj-2024").home())) {
            shipped = service.post(RATE, request);
        }
        Reply edited;
        try (RunningService service = RunningService.on(copy.home())) {
            edited = service.post(RATE, request);
        }

        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.body().at("/keyQuestions/2.1.1/rating").asText()).isEqualTo("GOOD");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().at("/keyQuestions/2.1.1/rating").asText()).isEqualTo("REQUIRES_IMPROVEMENT");
        assertThat(edited.body().at("/keyQuestions/2.1.1/band").asText()).isEqualTo("Too few");
        assertThat(edited.body().at("/standards/2.1/rating").asText()).isEqualTo("REQUIRES_IMPROVEMENT");
        assertThat(edited.body().at("/rulesetVersion").asText()).startsWith("sha256:")
            .isNotEqualTo(shipped.body().at("/rulesetVersion").asText());
    }

}
