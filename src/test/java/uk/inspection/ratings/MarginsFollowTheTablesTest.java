package uk.inspection.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.ReadmeRequest;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * ?explain=margins over HTTP, on the service in the development mode serving a copy of
 * yj-2024 with the banding table of examples/good-from-70 (Good from 70% instead of 65%):
 * the margins follow the edited table with no change of Java. Worked by hand under the
 * edited bands (below 50% Inadequate, 50% to under 70% Requires improvement, 70% to under
 * 80% Good, 80% and above Outstanding).
 */
class MarginsFollowTheTablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    @Test
    void marginsFollowAnEditedBandingTableOnBothRatingEndpoints(@TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp, "yj-2024");
        Files.copy(Path.of("examples/good-from-70/decision-tables/yj-2024/bandings.drl.xlsx"),
                copy.home().resolve("decision-tables/yj-2024/bandings.drl.xlsx"), StandardCopyOption.REPLACE_EXISTING);
        String request = ReadmeRequest.json();
        try (RunningService service = RunningService.on(copy.home())) {
            Reply plain = service.post(RATE, request);
            Reply explained = service.post(RATE + "?explain=margins", request);

            assertThat(plain.status()).isEqualTo(200);
            assertThat(plain.text()).doesNotContain("margins");
            JsonNode body = explained.body();
            assertThat(body.at("/rulesetVersion").asText()).isEqualTo(plain.body().at("/rulesetVersion").asText());
            // 2.1.2 12/20 = 60%: 13/20 = 65% is now still Requires improvement, 14/20 =
            // 70%
            // Good: 2 cases (1 under the shipped table); 2.1 = Good (2.1.1 14/20 = 70%
            // Good).
            // Down: 9/20 = 45%, 3 cases as before; 2.1 Inadequate. The overall's options:
            // 2.2 is Requires improvement (2.2.2 13/20 = 65%) 1, 2.3 Outstanding 3, V1
            // Good 2
            // or Outstanding 3: with 2.1 Requires improvement 7 and 8, both Good; with
            // 2.1
            // Good 8 and 9, both Good; with 2.1 Inadequate 6 and 7, Requires improvement
            // or
            // Good.
            assertThat(body.at("/keyQuestions/2.1.2/margins")).isEqualTo(JSON.readTree("""
                    {"up": {"cases": 2, "rating": "GOOD", "standard": "GOOD"},
                     "down": {"cases": 3, "rating": "INADEQUATE", "standard": "INADEQUATE",
                              "overall": "REQUIRES_IMPROVEMENT..GOOD"}}"""));
            // 2.1.1 14/20 = 70% is Good on the new edge: one case fewer, 65%, is Requires
            // improvement; 2.1 stays Requires improvement (2.1.2 drives it).
            assertThat(body.at("/keyQuestions/2.1.1/margins/down")).isEqualTo(JSON.readTree("""
                    {"cases": 1, "rating": "REQUIRES_IMPROVEMENT", "standard": "REQUIRES_IMPROVEMENT"}"""));

            Reply inForce = service.post(InForceRatingsController.PATH + "?explain=margins",
                    request.replaceFirst("\\{", "{\"inspectionDate\": \"2025-06-02\","));
            assertThat(inForce.body().at("/keyQuestions")).isEqualTo(body.at("/keyQuestions"));

            for (String path : new String[] { RATE, InForceRatingsController.PATH }) {
                Reply unknown = service.post(path + "?explain=reasons", request);
                assertThat(unknown.status()).as(path).isEqualTo(400);
                assertThat(unknown.body().at("/errors/0/field").asText()).as(path).isEqualTo("explain");
            }
        }
    }

}
