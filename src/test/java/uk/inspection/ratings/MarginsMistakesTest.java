package uk.inspection.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.ReadmeRequest;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * ?explain=margins as a client gets it wrong, and the work one request may ask of it: the
 * search is logarithmic in the counts, but counts as large as an int on every key
 * question cost dozens of times a real request, so limits.margin-evaluations-per-request
 * caps the evaluations a request could need, refused 422 naming explain before any rule
 * runs.
 */
class MarginsMistakesTest {

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    @Test
    void explainIsReadStrictlyAndItsWorkIsCapped(@TempDir Path temp) throws Exception {
        String request = ReadmeRequest.json();
        String huge = request.replaceAll("\\{\"yes\": *\\d+, *\"cases\": *\\d+\\}",
                "{\"yes\": 1230000000, \"cases\": 2147483647}");
        try (RunningService service = RunningService.on(RulesHomeCopy.of(temp, "yj-2024").home(),
                "--limits.margin-evaluations-per-request=200")) {
            for (String path : List.of(RATE, InForceRatingsController.PATH)) {
                String sent = path.equals(RATE) ? request
                        : request.replaceFirst("\\{", "{\"inspectionDate\": \"2025-06-02\",");
                String sentHuge = path.equals(RATE) ? huge
                        : huge.replaceFirst("\\{", "{\"inspectionDate\": \"2025-06-02\",");
                for (String wrong : List.of("MARGINS", "", "margins,reasons", "margins&explain=reasons")) {
                    Reply refused = service.post(path + "?explain=" + wrong, sent);
                    assertThat(refused.status()).as(path + " " + wrong).isEqualTo(400);
                    assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("explain");
                }
                for (String twice : List.of("margins,margins", "margins&explain=margins")) {
                    assertThat(service.post(path + "?explain=" + twice, sent)
                        .body()
                        .at("/keyQuestions/2.1.2/margins")
                        .isObject()).as(path + " " + twice).isTrue();
                }
                Reply plainHuge = service.post(path, sentHuge);
                Reply capped = service.post(path + "?explain=margins", sentHuge);

                assertThat(plainHuge.status()).as(plainHuge.toString()).isEqualTo(200);
                assertThat(capped.status()).as(capped.toString()).isEqualTo(422);
                assertThat(capped.body().at("/errors/0/field").asText()).isEqualTo("explain");
                assertThat(capped.body().at("/errors/0/message").asText())
                    .contains("limits.margin-evaluations-per-request");
            }
        }
    }

}
