package uk.inspection.regression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import uk.inspection.regression.Comparison.ComparedDecision;
import uk.inspection.regression.Comparison.SideReport;

/**
 * The comparison for people: both rule-set versions, the transition matrix, and what
 * changed where.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /**
     * Re-decided requests (recorded decisions, or a corpus): both versions, the
     * transitions of overall outcomes, and the changed decisions listed.
     */
    public static String render(RecordedComparison.Result result, String title) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n| side | rulesetVersion |\n|---|---|\n");
        md.append("| baseline | `")
            .append(result.baselineVersion())
            .append("` |\n| candidate | `")
            .append(result.candidateVersion())
            .append("` |\n\n");
        md.append(result.total()).append(" decisions compared, ").append(result.changed()).append(" changed\n\n");
        md.append("| baseline → candidate | decisions |\n|---|---|\n");
        result.transitions()
            .entrySet()
            .stream()
            .sorted(Map.Entry.comparingByKey())
            .forEach(e -> md.append("| ")
                .append(e.getKey().replace("->", " → "))
                .append(" | ")
                .append(e.getValue())
                .append(" |\n"));
        md.append("\n## Changed decisions (up to 1,000 listed)\n\n");
        result.listed()
            .forEach(c -> md.append("- ")
                .append(c.decisionId())
                .append(": ")
                .append(c.baseline())
                .append(" → ")
                .append(c.candidate())
                .append(c.differences().isEmpty() ? "" : ", first at " + c.differences().get(0).result())
                .append('\n'));
        return md.toString();
    }

    /**
     * {@code ratingOrder} lists the rating codes lowest first (from the manifests) to
     * order the matrix.
     */
    public static String render(Comparison comparison, List<String> ratingOrder) {
        StringBuilder md = new StringBuilder("# Rule-set comparison\n\n");
        md.append("| side | home | framework | rulesetVersion |\n|---|---|---|---|\n");
        side(md, "baseline", comparison.baseline());
        side(md, "candidate", comparison.candidate());
        md.append('\n')
            .append(comparison.total())
            .append(" decisions compared, ")
            .append(comparison.changed())
            .append(" changed");
        if (comparison.skipped() != null) {
            md.append(", ").append(comparison.skipped().size()).append(" skipped");
        }
        md.append(".\n\n");
        if (comparison.total() == 0) {
            md.append(
                    "Nothing comparable: no fixture could be run through both sides; each one's reason is below.\n\n");
        }
        else {
            matrix(md, comparison.transitions(), ratingOrder);
        }
        boolean acrossFrameworks = comparison.decisions()
            .stream()
            .anyMatch(d -> !d.baseline().framework().equals(d.candidate().framework()));
        if (acrossFrameworks) {
            sideBySide(md, comparison.decisions());
        }
        else {
            changed(md, comparison.decisions());
        }
        if (comparison.skipped() != null) {
            md.append("## Skipped\n\n");
            comparison.skipped().forEach(s -> md.append("- ").append(s).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static void side(StringBuilder md, String name, SideReport side) {
        String version = side.rulesetVersion() != null ? side.rulesetVersion()
                : side.rulesetVersions() == null ? "(none compared)"
                        : side.rulesetVersions()
                            .entrySet()
                            .stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining("<br>"));
        md.append("| ")
            .append(name)
            .append(" | ")
            .append(side.home())
            .append(" | ")
            .append(side.framework() == null ? "(each fixture's own)" : side.framework())
            .append(" | `")
            .append(version)
            .append(side.effectiveFrom() == null ? "`" : "`, in force from " + side.effectiveFrom())
            .append(" |\n");
    }

    private static void matrix(StringBuilder md, Map<String, Integer> transitions, List<String> ratingOrder) {
        // Ratings in scale order; a range "LOW..HIGH" after its lowest rating; anything
        // else last.
        Comparator<String> order = Comparator
            .comparingInt((String label) -> rank(label.split("\\.\\.")[0], ratingOrder))
            .thenComparingInt(label -> rank(label.substring(label.lastIndexOf('.') + 1), ratingOrder))
            .thenComparing(Comparator.naturalOrder());
        Set<String> rows = new TreeSet<>(order);
        Set<String> columns = new TreeSet<>(order);
        transitions.keySet().forEach(key -> {
            rows.add(key.substring(0, key.indexOf("->")));
            columns.add(key.substring(key.indexOf("->") + 2));
        });
        md.append("## Overall ratings: baseline (rows) against candidate (columns)\n\n| baseline \\ candidate |");
        columns.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
        for (String row : rows) {
            md.append("| ").append(row).append(" |");
            for (String column : columns) {
                Integer count = transitions.get(row + "->" + column);
                md.append(' ').append(count == null ? "" : count).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static int rank(String rating, List<String> ratingOrder) {
        int index = ratingOrder.indexOf(rating);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static void changed(StringBuilder md, List<ComparedDecision> decisions) {
        List<ComparedDecision> changed = decisions.stream().filter(ComparedDecision::changed).toList();
        if (changed.isEmpty()) {
            md.append("No decision changed.\n\n");
            return;
        }
        md.append(
                "## Changed decisions\n\n| fixture | overall | first difference | baseline | candidate |\n|---|---|---|---|---|\n");
        for (ComparedDecision decision : changed) {
            DecisionDifferences.Difference first = decision.differences().get(0);
            md.append("| ")
                .append(decision.fixture())
                .append(" | ")
                .append(decision.baseline().overall())
                .append(" → ")
                .append(decision.candidate().overall())
                .append(" | ")
                .append(first.result())
                .append(" | ")
                .append(describe(first.baseline()))
                .append(" | ")
                .append(describe(first.candidate()))
                .append(" |\n");
        }
        md.append('\n');
    }

    /**
     * Each service's overall under both frameworks; where the candidate lacked evidence
     * for a standard, its overall under each rating of it; and the standards compared
     * that differ.
     */
    private static void sideBySide(StringBuilder md, List<ComparedDecision> decisions) {
        MissingEvidenceRange.Range sample = decisions.stream()
            .map(ComparedDecision::candidateRange)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
        List<String> ratings = sample == null ? List.of() : new ArrayList<>(sample.overallByRating().keySet());
        md.append("## Side by side\n\n");
        if (sample != null) {
            md.append("The candidate has no evidence for ")
                .append(sample.standard())
                .append(" in these inputs (it has no counterpart): its overall is the range it takes over the ratings ")
                .append(sample.standard())
                .append(" could take, each shown.\n\n");
        }
        md.append("| fixture | baseline | candidate |");
        ratings.forEach(r -> md.append(" with ").append(sample.standard()).append(' ').append(r).append(" |"));
        md.append(" standards that differ |\n|---|---|---|").append("---|".repeat(ratings.size())).append("---|\n");
        for (ComparedDecision decision : decisions) {
            md.append("| ")
                .append(decision.fixture())
                .append(" | ")
                .append(label(decision.baseline()))
                .append(" | ")
                .append(label(decision.candidate()))
                .append(" |");
            MissingEvidenceRange.Range range = decision.candidateRange();
            ratings.forEach(r -> md.append(' ')
                .append(range == null ? "" : range.overallByRating().getOrDefault(r, ""))
                .append(" |"));
            md.append(' ').append(standardsThatDiffer(decision)).append(" |\n");
        }
        md.append('\n');
    }

    /**
     * "2.1 GOOD → INADEQUATE", for each standard compared across frameworks that differs.
     */
    private static String standardsThatDiffer(ComparedDecision decision) {
        return decision.differences()
            .stream()
            .filter(d -> d.result().startsWith("standards."))
            .map(d -> d.result().substring("standards.".length()) + " " + ratingOf(d.baseline()) + " → "
                    + ratingOf(d.candidate()))
            .collect(Collectors.joining(", "));
    }

    private static String ratingOf(Map<String, Object> side) {
        Object value = side.containsKey("rating") ? side.get("rating") : side.get("status");
        return String.valueOf(value).replace("\"", "");
    }

    private static String label(Comparison.Outcome outcome) {
        return outcome.overall() + (outcome.score() == null ? "" : " (" + outcome.score() + ")");
    }

    private static String describe(Map<String, Object> side) {
        List<String> parts = new ArrayList<>();
        side.forEach((key, value) -> {
            if (!List.of("rule", "source", "detail").contains(key)) {
                parts.add(key + " " + String.valueOf(value).replace("\"", ""));
            }
        });
        if (side.containsKey("rule")) {
            parts.add("by \"" + side.get("rule") + "\" (" + side.get("source") + " " + side.get("detail") + ")");
        }
        return String.join(", ", parts);
    }

}
