package uk.inspection.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import uk.inspection.regression.Comparison;
import uk.inspection.regression.DecisionDifferences;
import uk.inspection.ruleset.Manifest;

/**
 * A draft's impact as a reader takes it in: the transition matrix as a heat map (a row
 * per rating before, a column per rating after, in the rating scale's order, the diagonal
 * of unchanged ratings muted) and each changed decision with its first difference.
 */
record ImpactView(int total, int changed, List<String> ratings, List<String> labels, List<List<HeatCell>> matrix,
        List<ChangedDecision> decisions) {

    /** One count: from, to, how many, its shade (0 to 4), and whether it is unchanged. */
    record HeatCell(String from, String to, int count, int shade, boolean diagonal) {
    }

    /**
     * A changed decision: the fixture, its overall before and after, its first
     * difference.
     */
    record ChangedDecision(String fixture, String before, String after, String firstDifference) {
    }

    static ImpactView of(Comparison impact, Manifest manifest) {
        Set<String> ratings = new LinkedHashSet<>();
        if (manifest != null) {
            manifest.ratingScale().forEach(step -> ratings.add(step.code()));
        }
        impact.transitions().keySet().forEach(key -> {
            String[] sides = key.split("->", 2);
            ratings.add(sides[0]);
            ratings.add(sides.length > 1 ? sides[1] : "");
        });
        List<String> order = new ArrayList<>(ratings);
        Map<String, Integer> transitions = impact.transitions();
        int most = transitions.entrySet()
            .stream()
            .filter(e -> !isDiagonal(e.getKey()))
            .mapToInt(Map.Entry::getValue)
            .max()
            .orElse(0);
        List<List<HeatCell>> matrix = new ArrayList<>();
        for (String from : order) {
            List<HeatCell> row = new ArrayList<>();
            for (String to : order) {
                int count = transitions.getOrDefault(from + "->" + to, 0);
                int shade = count == 0 || most == 0 ? 0 : 1 + (int) Math.min(3, Math.floor(3.0 * count / most));
                row.add(new HeatCell(from, to, count, Math.min(4, shade), from.equals(to)));
            }
            matrix.add(row);
        }
        List<ChangedDecision> decisions = impact.decisions()
            .stream()
            .filter(Comparison.ComparedDecision::changed)
            .map(d -> new ChangedDecision(d.fixture(), overall(d.baseline()), overall(d.candidate()),
                    d.differences() == null || d.differences().isEmpty() ? "" : words(d.differences().get(0))))
            .toList();
        List<String> labels = order.stream().map(code -> label(code, manifest)).toList();
        return new ImpactView(impact.total(), impact.changed(), order, labels, matrix, decisions);
    }

    /**
     * A rating as the scale names it ("Requires improvement"); a refusal by its status;
     * any other outcome in words.
     */
    private static String label(String code, Manifest manifest) {
        if (manifest != null) {
            var step = manifest.scaleStep(code);
            if (step.isPresent() && step.get().label() != null) {
                return step.get().label();
            }
        }
        if (code.startsWith("HTTP_")) {
            return "Refused (" + code.substring(5) + ")";
        }
        String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? "(none)" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean isDiagonal(String key) {
        String[] sides = key.split("->", 2);
        return sides.length == 2 && sides[0].equals(sides[1]);
    }

    private static String overall(Comparison.Outcome outcome) {
        if (outcome == null) {
            return "";
        }
        return outcome.overall() != null ? outcome.overall() : "status " + outcome.status();
    }

    /** A value as a person reads it: a text without its JSON quotes. */
    private static String shown(Object value) {
        if (value instanceof com.fasterxml.jackson.databind.JsonNode node && node.isTextual()) {
            return node.asText();
        }
        return Objects.toString(value, "(none)");
    }

    /**
     * The result and only the fields of it that differ: {@code 2.1.1: rating GOOD → RI}.
     */
    private static String words(DecisionDifferences.Difference difference) {
        Map<String, Object> before = difference.baseline() == null ? Map.of() : difference.baseline();
        Map<String, Object> after = difference.candidate() == null ? Map.of() : difference.candidate();
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<String> changes = new ArrayList<>();
        for (String field : fields) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                changes.add(field + " " + shown(before.get(field)) + " → " + shown(after.get(field)));
            }
        }
        return difference.result() + ": " + String.join(", ", changes);
    }

}
