package uk.inspection.regression;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.ratings.facts.OverallStatus;

/**
 * What differs between two decisions, walking key questions, then standards, then the
 * overall, each side with the rule that produced it. Within one framework everything is
 * compared; across frameworks, the standards the translation declares the same in both,
 * and the overall (or, where a standard was explored, the range the overall may take).
 */
public final class DecisionDifferences {

    private static final List<String> STANDARD_FIELDS = List.of("status", "rating", "options");

    private static final List<String> OVERALL_FIELDS = List.of("status", "rating", "score", "options");

    /** One result that differs: where, and each side's value with the rule behind it. */
    public record Difference(String result, Map<String, Object> baseline, Map<String, Object> candidate) {
    }

    private DecisionDifferences() {
    }

    /** Two decisions of the same framework. */
    public static List<Difference> between(InProcessApi.Answer baseline, InProcessApi.Answer candidate) {
        List<Difference> differences = new ArrayList<>();
        if (!comparable(baseline, candidate, differences)) {
            return differences;
        }
        if (baseline.body().has("quadrant") || baseline.body().has("summary")) {
            for (String field : List.of("quadrant", "escalationStage", "actions", "grantCompliance", "summary")) {
                compare(field, field, List.of(), baseline.body(), candidate.body(), differences);
            }
            return differences;
        }
        if (baseline.body().has("actionPlan")) {
            for (String field : List.of("actionPlan", "recommendations", "flags")) {
                compare(field, field, List.of(), baseline.body(), candidate.body(), differences);
            }
            return differences;
        }
        for (String section : List.of("keyQuestions", "standards")) {
            Set<String> codes = new LinkedHashSet<>();
            baseline.body().path(section).fieldNames().forEachRemaining(codes::add);
            candidate.body().path(section).fieldNames().forEachRemaining(codes::add);
            List<String> fields = section.equals("standards") ? STANDARD_FIELDS : List.of("status", "rating", "band");
            for (String code : codes) {
                compare(section + "." + code, section + "." + code, fields, baseline.body(), candidate.body(),
                        differences);
            }
        }
        compare("overall", "overall", OVERALL_FIELDS, baseline.body(), candidate.body(), differences);
        return differences;
    }

    /**
     * Two decisions of different frameworks: the standards declared equivalent (the
     * candidate's code to the baseline's), then the overall, or its range when a standard
     * was explored.
     */
    static List<Difference> across(InProcessApi.Answer baseline, InProcessApi.Answer candidate,
            Map<String, String> equivalents, MissingEvidenceRange.Range range) {
        List<Difference> differences = new ArrayList<>();
        if (!comparable(baseline, candidate, differences)) {
            return differences;
        }
        equivalents.forEach((code, counterpart) -> compare("standards." + counterpart, "standards." + code,
                STANDARD_FIELDS, baseline.body(), candidate.body(), differences));
        if (range == null) {
            compare("overall", "overall", OVERALL_FIELDS, baseline.body(), candidate.body(), differences);
            return differences;
        }
        JsonNode overall = baseline.body().path("overall");
        boolean same = OverallStatus.FINAL.name().equals(overall.path("status").asText())
                && range.lowest().equals(range.highest()) && range.lowest().equals(overall.path("rating").asText());
        if (!same) {
            Map<String, Object> explored = new LinkedHashMap<>();
            explored.put("range", range.label());
            explored.put("overallByRating", range.overallByRating());
            differences
                .add(new Difference("overall", side(overall, OVERALL_FIELDS, baseline.body(), "overall"), explored));
        }
        return differences;
    }

    /** False (with the status difference noted) unless both decisions were made. */
    private static boolean comparable(InProcessApi.Answer baseline, InProcessApi.Answer candidate,
            List<Difference> out) {
        if (baseline.status() != candidate.status()) {
            out.add(new Difference("status", Map.of("status", baseline.status()),
                    Map.of("status", candidate.status())));
            return false;
        }
        return baseline.status() == 200;
    }

    private static void compare(String baselineResult, String candidateResult, List<String> fields, JsonNode baseline,
            JsonNode candidate, List<Difference> out) {
        JsonNode b = at(baseline, baselineResult);
        JsonNode c = at(candidate, candidateResult);
        if (fields.isEmpty()) {
            if (!b.equals(c)) {
                out.add(new Difference(candidateResult, Map.of("value", b), Map.of("value", c)));
            }
            return;
        }
        for (String field : fields) {
            if (!b.path(field).equals(c.path(field))) {
                out.add(new Difference(candidateResult, side(b, fields, baseline, baselineResult),
                        side(c, fields, candidate, candidateResult)));
                return;
            }
        }
    }

    private static Map<String, Object> side(JsonNode value, List<String> fields, JsonNode decision, String result) {
        Map<String, Object> side = new LinkedHashMap<>();
        for (String field : fields) {
            if (!value.path(field).isMissingNode() && !value.path(field).isNull()) {
                side.put(field, value.get(field));
            }
        }
        JsonNode rule = ruleFor(decision, result);
        if (rule != null) {
            side.put("rule", rule.path("rule").asText());
            side.put("source", rule.path("source").asText());
            side.put("detail", rule.path("detail").asText());
        }
        return side;
    }

    /**
     * The trace entry of the rule that decided a result ({@code overall} uses the rule
     * that rated the total).
     */
    private static JsonNode ruleFor(JsonNode decision, String result) {
        JsonNode found = null;
        for (Iterator<JsonNode> it = decision.path("trace").elements(); it.hasNext();) {
            JsonNode entry = it.next();
            if (entry.path("result").asText().equals(result)) {
                found = entry;
            }
        }
        return found;
    }

    private static JsonNode at(JsonNode decision, String result) {
        int dot = result.indexOf('.');
        return dot < 0 ? decision.path(result)
                : decision.path(result.substring(0, dot)).path(result.substring(dot + 1));
    }

}
