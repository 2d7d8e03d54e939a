package uk.inspection.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.decision.DecisionKinds;
import uk.inspection.decision.DecisionPipeline;
import uk.inspection.problem.RequestLimits;
import uk.inspection.problem.StrictJson;
import uk.inspection.support.ShippedRuleSets;

/**
 * Margins worked by hand from the methodology (docs/methodology.md sections 1 and 3) and
 * decided with the shipped rules through the pipeline every rating takes. yj-2024 and
 * yj-2018 band a share the same way: Inadequate below 50%, Requires improvement from 50%,
 * Good from 65%, Outstanding from 80%; a standard takes its lowest key question; the 2024
 * overall adds the four core standards' scores (0-2 Inadequate, 3-6 Requires improvement,
 * 7-10 Good, 11-12 Outstanding), the 2018 one twelve (19-30 Good).
 */
class BandMarginsTest {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private static final RatingKind KIND = DecisionKinds.installed().of(RatingKind.class);

    /**
     * 2.1 = RI (2.1.1 14/20 70% G, 2.1.2 12/20 60% RI) 1; 2.2 = G (2.2.1 81% O, 2.2.2
     * 13/20 65% G) 2; 2.3 = G (2.3.1 15/20 75% G, 2.3.2 17/20 85% O) 2; V1 = the panel's
     * Good (V1.1 8/10 80% O, V1.2 yes: Good or Outstanding) 2. Total 7: Good, one point
     * above Requires improvement.
     */
    private static final String AT_THE_OVERALL_EDGE = """
            {"service": "Northtown YJS", "inspectionType": "IYJWCV",
             "keyQuestions": {
               "2.1.1": {"yes": 14, "cases": 20}, "2.1.2": {"yes": 12, "cases": 20},
               "2.2.1": {"percentage": 81},       "2.2.2": {"yes": 13, "cases": 20},
               "2.3.1": {"yes": 15, "cases": 20}, "2.3.2": {"yes": 17, "cases": 20},
               "V1.1":  {"yes": 8, "cases": 10}},
             "judgements": {"V1.2": true},
             "panel": {"V1": {"rating": "GOOD"}}}""";

    @Test
    void twelveOfTwentyIsOneCaseFromGoodAndThreeFromInadequate() throws Exception {
        JsonNode margins = margins("yj-2024", AT_THE_OVERALL_EDGE).at("/keyQuestions/2.1.2/margins");

        // Up: 13/20 = 65%, Good; 2.1 = Good (both key questions Good) 2; total 8, still
        // Good.
        // Down: 11/20 = 55% and 10/20 = 50% stay Requires improvement; 9/20 = 45% is
        // Inadequate; 2.1 Inadequate 0; total 6, Requires improvement.
        assertThat(margins).isEqualTo(JSON.readTree("""
                {"up": {"cases": 1, "rating": "GOOD", "standard": "GOOD"},
                 "down": {"cases": 3, "rating": "INADEQUATE", "standard": "INADEQUATE",
                          "overall": "REQUIRES_IMPROVEMENT"}}"""));
    }

    @Test
    void exactlySixtyFivePercentIsOneCaseFromRequiresImprovementAndThreeFromOutstanding() throws Exception {
        JsonNode margins = margins("yj-2024", AT_THE_OVERALL_EDGE).at("/keyQuestions/2.2.2/margins");

        // 13/20 = 65% is Good, on the edge. Down: 12/20 = 60%, Requires improvement; 2.2
        // Requires improvement 1; total 6. Up: 14/20 = 70% and 15/20 = 75% stay Good;
        // 16/20 = 80% is Outstanding; 2.2 = Outstanding (2.2.1 81% Outstanding too) 3;
        // total 8, still Good.
        assertThat(margins).isEqualTo(JSON.readTree("""
                {"up": {"cases": 3, "rating": "OUTSTANDING", "standard": "OUTSTANDING"},
                 "down": {"cases": 1, "rating": "REQUIRES_IMPROVEMENT", "standard": "REQUIRES_IMPROVEMENT",
                          "overall": "REQUIRES_IMPROVEMENT"}}"""));
    }

    @Test
    void theTopBandHasNoUpAndAPercentageMovesByWholePoints() throws Exception {
        JsonNode body = margins("yj-2024", AT_THE_OVERALL_EDGE);

        // 2.3.2 17/20 = 85%: every case yes is still Outstanding. Down: 16/20 = 80%
        // stays;
        // 15/20 = 75% Good; 2.3 stays Good (2.3.1 drives it), total unchanged.
        assertThat(body.at("/keyQuestions/2.3.2/margins")).isEqualTo(JSON.readTree("""
                {"down": {"cases": 2, "rating": "GOOD", "standard": "GOOD"}}"""));
        // 2.2.1 81%: 100% is still Outstanding. Down: 80% stays, 79% is Good; 2.2 = Good
        // (2.2.2 is Good) unchanged.
        assertThat(body.at("/keyQuestions/2.2.1/margins")).isEqualTo(JSON.readTree("""
                {"down": {"points": 2, "rating": "GOOD", "standard": "GOOD"}}"""));
        // A judgement has no margins; the answer is the ordinary one otherwise.
        assertThat(body.at("/keyQuestions/V1.2").has("margins")).isFalse();
        assertThat(body.at("/overall/rating").asText()).isEqualTo("GOOD");
    }

    @Test
    void theBottomBandHasNoDownAndPerCaseAnswersCountAsCases() throws Exception {
        // 2.1.2 from per-case answers: 4 of 20 cases yes = 20%, Inadequate; 2.1
        // Inadequate 0.
        // Every case no is still Inadequate: no down. Up: 10/20 = 50%, Requires
        // improvement,
        // so 6 cases; 2.1 = Requires improvement 1.
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            cases.append(i == 0 ? "" : ",")
                .append("{\"id\": \"c")
                .append(i)
                .append("\", \"answers\": {\"2.1.2\": ")
                .append(i < 4)
                .append("}}");
        }
        String request = AT_THE_OVERALL_EDGE.replace("\"2.1.2\": {\"yes\": 12, \"cases\": 20},", "")
            .replace("\"judgements\"", "\"cases\": [" + cases + "], \"judgements\"");
        JsonNode body = margins("yj-2024", request);

        assertThat(body.at("/keyQuestions/2.1.2/rating").asText()).isEqualTo("INADEQUATE");
        // Total with 2.1 Inadequate: 0 + 2 + 2 + 2 = 6, Requires improvement; with 2.1
        // Requires improvement 7, Good.
        assertThat(body.at("/keyQuestions/2.1.2/margins")).isEqualTo(JSON.readTree("""
                {"up": {"cases": 6, "rating": "REQUIRES_IMPROVEMENT", "standard": "REQUIRES_IMPROVEMENT",
                        "overall": "GOOD"}}"""));
    }

    @Test
    void aPanelChoiceTheChangedFactsNoLongerPermitIsNamedAsRefused() throws Exception {
        // V1.1 7/10 = 70% Good with V1.2 no: the matrix permits Good or Requires
        // improvement, and the panel chose Good. 6/10 = 60% is Requires improvement, for
        // which (with no) it permits Requires improvement or Inadequate: the rules would
        // refuse the panel's Good.
        String request = AT_THE_OVERALL_EDGE
            .replace("\"V1.1\":  {\"yes\": 8, \"cases\": 10}", "\"V1.1\":  {\"yes\": 7, \"cases\": 10}")
            .replace("\"V1.2\": true", "\"V1.2\": false");
        JsonNode down = margins("yj-2024", request).at("/keyQuestions/V1.1/margins/down");

        assertThat(down.at("/cases").asInt()).isEqualTo(1);
        assertThat(down.at("/rating").asText()).isEqualTo("REQUIRES_IMPROVEMENT");
        assertThat(down.has("standard")).isFalse();
        assertThat(down.at("/refused/0").asText()).startsWith("panel.V1.rating: GOOD is not permitted");
    }

    @Test
    void whileThePanelDecidesTheStandardAndOverallAreRanges() throws Exception {
        // The README's request: V1 awaits the panel (Good or Outstanding), the overall's
        // options total 8 and 9, both Good. 2.1.2 as above: the overall options stay Good
        // (9 and 10 up, 7 and 8 down), so no overall. V1.1 8/10 = 80%: 7/10 = 70% Good,
        // with V1.2 yes still Good or Outstanding.
        JsonNode body = margins("yj-2024", uk.inspection.support.ReadmeRequest.json());

        assertThat(body.at("/keyQuestions/2.1.2/margins")).isEqualTo(JSON.readTree("""
                {"up": {"cases": 1, "rating": "GOOD", "standard": "GOOD"},
                 "down": {"cases": 3, "rating": "INADEQUATE", "standard": "INADEQUATE"}}"""));
        assertThat(body.at("/keyQuestions/V1.1/margins")).isEqualTo(JSON.readTree("""
                {"down": {"cases": 1, "rating": "GOOD", "standard": "GOOD..OUTSTANDING"}}"""));
    }

    @Test
    void yj2018BandsTheSameFromItsOwnTables() throws Exception {
        JsonNode request = JSON
            .readTree(java.nio.file.Files
                .readString(java.nio.file.Path.of("fixtures/yj-2018/band-edge-49-50-counts-49-of-100-inadequate.json")))
            .get("request");
        JsonNode body = margins("yj-2018", request.toString());

        // 2.1.1 49/100 = 49%, Inadequate, drives 2.1: every case no is still Inadequate.
        // Up: 50/100 = 50%, Requires improvement; 2.1 = lowest of (RI, 2.1.2 70% G, 2.1.3
        // 90% O) = RI 1; total 22 + 1 = 23, still Good (19-30).
        assertThat(body.at("/keyQuestions/2.1.1/margins")).isEqualTo(JSON.readTree("""
                {"up": {"cases": 1, "rating": "REQUIRES_IMPROVEMENT", "standard": "REQUIRES_IMPROVEMENT"}}"""));
        // 2.1.2 70/100: down to 65/100 = 65% stays Good, 64/100 = 64% is Requires
        // improvement: 6 cases. Up to 80/100 = 80%, Outstanding: 10 cases. 2.1 stays
        // Inadequate (2.1.1 drives it).
        assertThat(body.at("/keyQuestions/2.1.2/margins")).isEqualTo(JSON.readTree("""
                {"up": {"cases": 10, "rating": "OUTSTANDING", "standard": "INADEQUATE"},
                 "down": {"cases": 6, "rating": "REQUIRES_IMPROVEMENT", "standard": "INADEQUATE"}}"""));
    }

    @Test
    void countsAsLargeAsAnIntFindTheEdgesExactly() throws Exception {
        // 1,200,000,000 of 2,000,000,000 = 60%: 65% is 1,300,000,000, so 100,000,000
        // cases
        // up; 50% (1,000,000,000) is still Requires improvement, one fewer is not, so
        // 200,000,001 cases down. Found in a few dozen evaluations each way.
        String request = AT_THE_OVERALL_EDGE.replace("\"2.1.2\": {\"yes\": 12, \"cases\": 20}",
                "\"2.1.2\": {\"yes\": 1200000000, \"cases\": 2000000000}");
        JsonNode margins = margins("yj-2024", request).at("/keyQuestions/2.1.2/margins");

        assertThat(margins.at("/up/cases").asInt()).isEqualTo(100_000_000);
        assertThat(margins.at("/down/cases").asInt()).isEqualTo(200_000_001);
    }

    @Test
    void anOrdinaryRatingHasNoMargins() throws Exception {
        RatingRequest request = JSON.readValue(AT_THE_OVERALL_EDGE, RatingRequest.class);
        RatingResponse plain = DecisionPipeline
            .decide(KIND, ShippedRuleSets.of("yj-2024"), request, RequestLimits.DEFAULTS)
            .orElseThrow();

        assertThat(JSON.valueToTree(plain).findValues("margins")).isEmpty();
        assertThat(margins("yj-2024", AT_THE_OVERALL_EDGE).at("/rulesetVersion").asText())
            .isEqualTo(plain.rulesetVersion());
    }

    private static JsonNode margins(String framework, String request) throws Exception {
        RatingResponse response = DecisionPipeline
            .decide(KIND.withMargins(), ShippedRuleSets.of(framework), JSON.readValue(request, RatingRequest.class),
                    RequestLimits.DEFAULTS)
            .orElseThrow();
        return JSON.valueToTree(response);
    }

}
