package uk.inspection.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ServiceTest;

/**
 * Random 2024 inspections through the real server and the shipped rules, checked against
 * an independent model of docs/methodology.md section 3 written here from the document,
 * in exact integer arithmetic (yes × 100 against edge × cases), not from the service's
 * code.
 */
@ServiceTest
class RandomInspectionsTest {

    private static final List<String> SCALE = List.of("INADEQUATE", "REQUIRES_IMPROVEMENT", "GOOD", "OUTSTANDING");

    private static final Map<String, List<String>> STANDARDS = Map.of("2.1", List.of("2.1.1", "2.1.2"), "2.2",
            List.of("2.2.1", "2.2.2"), "2.3", List.of("2.3.1", "2.3.2"));

    private static final Map<String, List<Integer>> MATRIX = Map.of("OUTSTANDING/YES", List.of(2, 3), "OUTSTANDING/NO",
            List.of(2, 3), "GOOD/YES", List.of(2, 3), "GOOD/NO", List.of(1, 2), "REQUIRES_IMPROVEMENT/YES",
            List.of(1, 2), "REQUIRES_IMPROVEMENT/NO", List.of(0, 1), "INADEQUATE/YES", List.of(0, 1), "INADEQUATE/NO",
            List.of(0, 1));

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void randomInspectionsAgreeWithTheMethodology() throws Exception {
        Random random = new Random(20241124);
        for (int i = 0; i < 400; i++) {
            Map<String, Object> request = randomRequest(random);
            JsonNode actual = post(request);
            JsonNode expected = JSON.valueToTree(expectedDecision(request));

            assertThat(actual.path("status").isMissingNode() ? 200 : actual.path("status").asInt())
                .as("request %s answered %s", request, actual)
                .isEqualTo(200);
            assertThat(uk.inspection.regression.ExpectedMatcher.differences(expected, actual))
                .as("request %s", JSON.writeValueAsString(request))
                .isEmpty();
        }
    }

    private Map<String, Object> randomRequest(Random random) {
        Map<String, Object> request = new LinkedHashMap<>();
        boolean iyjs = random.nextInt(4) == 0;
        request.put("inspectionType", iyjs ? "IYJS" : "IYJWCV");
        Map<String, Object> keyQuestions = new LinkedHashMap<>();
        List<String> questions = new ArrayList<>(List.of("2.1.1", "2.1.2", "2.2.1", "2.2.2", "2.3.1", "2.3.2", "V1.1"));
        for (String code : questions) {
            int cases = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(40);
            int yes = cases == 0 ? 0 : random.nextInt(cases + 1);
            keyQuestions.put(code, Map.of("yes", yes, "cases", cases));
        }
        request.put("keyQuestions", keyQuestions);
        request.put("judgements", Map.of("V1.2", random.nextBoolean()));
        if (iyjs) {
            request.put("ratings", Map.of("1.1", SCALE.get(random.nextInt(4)), "1.3", SCALE.get(random.nextInt(4))));
        }
        String v11 = band(keyQuestions.get("V1.1"));
        if (v11 != null && random.nextBoolean()) {
            List<Integer> options = MATRIX
                .get(v11 + "/" + (((Map<?, ?>) request.get("judgements")).get("V1.2").equals(true) ? "YES" : "NO"));
            request.put("panel", Map.of("V1", Map.of("rating", SCALE.get(options.get(random.nextInt(2))))));
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expectedDecision(Map<String, Object> request) {
        Map<String, Object> keyQuestions = (Map<String, Object>) request.get("keyQuestions");
        Map<String, Object> expectedQuestions = new LinkedHashMap<>();
        Map<String, Object> expectedStandards = new LinkedHashMap<>();
        Map<String, Integer> scores = new LinkedHashMap<>();
        boolean incomplete = false;
        boolean inadequate = false;
        for (String standard : List.of("2.1", "2.2", "2.3")) {
            Integer lowest = null;
            for (String code : STANDARDS.get(standard)) {
                String rating = band(keyQuestions.get(code));
                expectedQuestions.put(code, rating == null ? Map.of("status", "NOT_APPLICABLE")
                        : Map.of("status", "RATED", "rating", rating));
                if (rating != null) {
                    lowest = lowest == null ? SCALE.indexOf(rating) : Math.min(lowest, SCALE.indexOf(rating));
                }
            }
            if (lowest == null) {
                incomplete = true;
                expectedStandards.put(standard, Map.of("status", "NOT_APPLICABLE"));
            }
            else {
                scores.put(standard, lowest);
                inadequate |= lowest == 0;
                expectedStandards.put(standard,
                        Map.of("status", "RATED", "rating", SCALE.get(lowest), "score", lowest));
            }
        }
        String v11 = band(keyQuestions.get("V1.1"));
        List<Integer> v1Options = null;
        if (v11 == null) {
            incomplete = true;
            expectedStandards.put("V1", Map.of("status", "NOT_APPLICABLE"));
        }
        else {
            boolean yes = ((Map<String, Object>) request.get("judgements")).get("V1.2").equals(true);
            v1Options = MATRIX.get(v11 + "/" + (yes ? "YES" : "NO"));
            Map<String, Object> panel = (Map<String, Object>) request.get("panel");
            if (panel != null) {
                int chosen = SCALE.indexOf(((Map<String, String>) panel.get("V1")).get("rating"));
                scores.put("V1", chosen);
                inadequate |= chosen == 0;
                expectedStandards.put("V1", Map.of("status", "RATED", "rating", SCALE.get(chosen)));
                v1Options = null;
            }
            else {
                expectedStandards.put("V1",
                        Map.of("status", "PENDING_PANEL", "options", v1Options.stream().map(SCALE::get).toList()));
            }
        }
        Map<String, Object> overall;
        if (incomplete) {
            overall = Map.of("status", "INCOMPLETE");
        }
        else if (v1Options != null) {
            int others = scores.values().stream().mapToInt(Integer::intValue).sum();
            overall = Map.of("status", "PENDING_PANEL", "options",
                    v1Options.stream()
                        .map(o -> Map.of("choices", Map.of("V1", SCALE.get(o)), "score", others + o, "rating",
                                overallRating(others + o)))
                        .toList());
        }
        else {
            int total = scores.values().stream().mapToInt(Integer::intValue).sum();
            inadequate |= overallRating(total).equals("INADEQUATE");
            overall = Map.of("status", "FINAL", "score", total, "rating", overallRating(total));
        }
        boolean trigger = inadequate && request.get("inspectionType").equals("IYJWCV");
        return Map.of("keyQuestions", expectedQuestions, "standards", expectedStandards, "overall", overall, "triggers",
                trigger ? List.of(Map.of("code", "REACTIVE_IYJS_CONSIDERED")) : List.of());
    }

    /**
     * Methodology section 1 bands, on the exact share: yes/cases ≥ 80% ⇔ 100·yes ≥
     * 80·cases.
     */
    @SuppressWarnings("unchecked")
    private static String band(Object input) {
        Map<String, Integer> counts = (Map<String, Integer>) input;
        int yes = counts.get("yes");
        int cases = counts.get("cases");
        if (cases == 0) {
            return null;
        }
        if (100 * yes >= 80 * cases) {
            return "OUTSTANDING";
        }
        if (100 * yes >= 65 * cases) {
            return "GOOD";
        }
        return 100 * yes >= 50 * cases ? "REQUIRES_IMPROVEMENT" : "INADEQUATE";
    }

    /** Methodology section 3 thresholds: 0–2, 3–6, 7–10, 11–12. */
    private static String overallRating(int total) {
        if (total <= 2) {
            return "INADEQUATE";
        }
        if (total <= 6) {
            return "REQUIRES_IMPROVEMENT";
        }
        return total <= 10 ? "GOOD" : "OUTSTANDING";
    }

    private JsonNode post(Map<String, Object> request) {
        return ApiClient.onPort(port).post("/api/v1/frameworks/yj-2024/ratings", request).body();
    }

}
