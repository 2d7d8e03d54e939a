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

import uk.inspection.regression.ExpectedMatcher;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ServiceTest;

/**
 * Random 2018 inspections through the real server and the shipped rules, checked against
 * an independent model of docs/methodology.md section 2 written here: exact integer
 * banding, lowest key question, the unweighted 0–36 total and its thresholds, and the
 * panel-review flag with the rule set's default parameters (one point from a threshold; a
 * spread of three).
 */
@ServiceTest
class Random2018InspectionsTest {

    private static final List<String> SCALE = List.of("INADEQUATE", "REQUIRES_IMPROVEMENT", "GOOD", "OUTSTANDING");

    private static final Map<String, Integer> CASE_STANDARDS = new LinkedHashMap<>();
    static {
        for (String standard : List.of("2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3")) {
            CASE_STANDARDS.put(standard, 3);
        }
        CASE_STANDARDS.put("3.4", 2);
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void random2018InspectionsAgreeWithTheMethodology() throws Exception {
        Random random = new Random(2018);
        for (int i = 0; i < 300; i++) {
            Map<String, Object> request = new LinkedHashMap<>();
            Map<String, String> ratings = new LinkedHashMap<>();
            List<Integer> scores = new ArrayList<>();
            Map<String, Object> standards = new LinkedHashMap<>();
            for (String standard : List.of("1.1", "1.2", "1.3", "1.4")) {
                int score = skewed(random);
                ratings.put(standard, SCALE.get(score));
                scores.add(score);
                standards.put(standard, Map.of("rating", SCALE.get(score), "score", score));
            }
            Map<String, Object> keyQuestions = new LinkedHashMap<>();
            CASE_STANDARDS.forEach((standard, questions) -> {
                int lowest = Integer.MAX_VALUE;
                for (int q = 1; q <= questions; q++) {
                    int cases = 5 + random.nextInt(40);
                    int yes = cases / 3 + random.nextInt(cases - cases / 3 + 1);
                    keyQuestions.put(standard + "." + q, Map.of("yes", yes, "cases", cases));
                    lowest = Math.min(lowest, band(yes, cases));
                }
                scores.add(lowest);
                standards.put(standard, Map.of("rating", SCALE.get(lowest), "score", lowest));
            });
            request.put("ratings", ratings);
            request.put("keyQuestions", keyQuestions);
            int total = scores.stream().mapToInt(Integer::intValue).sum();
            int spread = scores.stream().mapToInt(Integer::intValue).max().orElseThrow()
                    - scores.stream().mapToInt(Integer::intValue).min().orElseThrow();
            boolean close = List.of(6, 7, 18, 19, 30, 31).contains(total);
            Map<String, Object> expected = Map.of("standards", standards, "overall",
                    Map.of("status", "FINAL", "score", total, "rating", overall(total), "computedRating",
                            overall(total)),
                    "flags", close || spread >= 3 ? List.of(Map.of("code", "PANEL_REVIEW_ADVISED")) : List.of(),
                    "triggers", List.of());

            JsonNode actual = post(request);

            assertThat(ExpectedMatcher.differences(JSON.valueToTree(expected), actual))
                .as("request %s", JSON.writeValueAsString(request))
                .isEmpty();
        }
    }

    /**
     * Standard scores leaning to the middle of the scale, so totals near every threshold
     * occur.
     */
    private static int skewed(Random random) {
        return Math.min(3, Math.max(0, (int) Math.round(1.5 + random.nextGaussian())));
    }

    /**
     * Methodology section 1 bands on the exact share: yes/cases ≥ 80% ⇔ 100·yes ≥
     * 80·cases.
     */
    private static int band(int yes, int cases) {
        if (100 * yes >= 80 * cases) {
            return 3;
        }
        if (100 * yes >= 65 * cases) {
            return 2;
        }
        return 100 * yes >= 50 * cases ? 1 : 0;
    }

    /** Methodology section 2 thresholds: 0–6, 7–18, 19–30, 31–36. */
    private static String overall(int total) {
        if (total <= 6) {
            return "INADEQUATE";
        }
        if (total <= 18) {
            return "REQUIRES_IMPROVEMENT";
        }
        return total <= 30 ? "GOOD" : "OUTSTANDING";
    }

    private JsonNode post(Map<String, Object> request) {
        ApiClient.Reply reply = ApiClient.onPort(port).post("/api/v1/frameworks/yj-2018/ratings", request);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body();
    }

}
