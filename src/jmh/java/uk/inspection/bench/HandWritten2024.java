package uk.inspection.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.inspection.ratings.RatingRequest;

/**
 * The floor for {@link DecisionBenchmark}: the 2024 method (docs/methodology.md, section
 * 3) written out in Java for the request shape the README uses (counts or a percentage
 * per key question, the V1.2 judgement, an optional panel choice for V1). Benchmark code
 * only: the service never uses it, and its numbers are the methodology's, copied here to
 * time what the rules cost above plain Java. Policy stays in the rule files.
 */
final class HandWritten2024 {

    private static final String[][] STANDARDS = { { "2.1", "2.1.1", "2.1.2" }, { "2.2", "2.2.1", "2.2.2" },
            { "2.3", "2.3.1", "2.3.2" } };

    private static final String[] RATINGS = { "INADEQUATE", "REQUIRES_IMPROVEMENT", "GOOD", "OUTSTANDING" };

    private HandWritten2024() {
    }

    /** Key question ratings, standard ratings and the overall (or its options). */
    record Rated(Map<String, String> keyQuestions, Map<String, String> standards, List<String> overall) {
    }

    static Rated rate(RatingRequest request) {
        Map<String, String> keyQuestions = new LinkedHashMap<>();
        Map<String, String> standards = new LinkedHashMap<>();
        int total = 0;
        for (String[] standard : STANDARDS) {
            int lowest = 3;
            for (int i = 1; i < standard.length; i++) {
                int score = band(share(request.keyQuestions().get(standard[i])));
                keyQuestions.put(standard[i], RATINGS[score]);
                lowest = Math.min(lowest, score);
            }
            standards.put(standard[0], RATINGS[lowest]);
            total += lowest;
        }
        int victims = band(share(request.keyQuestions().get("V1.1")));
        keyQuestions.put("V1.1", RATINGS[victims]);
        boolean arrangements = Boolean.TRUE.equals(request.judgements().get("V1.2"));
        int[] permitted = matrix(victims, arrangements);
        List<String> overall = new ArrayList<>();
        RatingRequest.PanelInput chosen = request.panel().get("V1");
        for (int option : permitted) {
            if (chosen == null || RATINGS[option].equals(chosen.rating())) {
                overall.add(RATINGS[overall(total + option)]);
            }
        }
        standards.put("V1", chosen == null ? "PENDING_PANEL" : chosen.rating());
        return new Rated(keyQuestions, standards, overall);
    }

    private static double share(RatingRequest.KeyQuestionInput input) {
        return input.percentage() != null ? input.percentage() : input.yes() * 100.0 / input.cases();
    }

    private static int band(double share) {
        return share < 50 ? 0 : share < 65 ? 1 : share < 80 ? 2 : 3;
    }

    /** The victims' matrix: the two ratings the panel chooses between. */
    private static int[] matrix(int v11, boolean v12) {
        return switch (v11) {
            case 3 -> new int[] { 2, 3 };
            case 2 -> v12 ? new int[] { 2, 3 } : new int[] { 1, 2 };
            case 1 -> v12 ? new int[] { 1, 2 } : new int[] { 0, 1 };
            default -> new int[] { 0, 1 };
        };
    }

    private static int overall(int total) {
        return total <= 2 ? 0 : total <= 6 ? 1 : total <= 10 ? 2 : 3;
    }

}
