package uk.inspection.regression;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What differs between two decisions, walking key questions, then standards, then the
 * overall, each side with the rule that produced it. Key questions and standards are
 * compared only when both decisions come from the same framework; across frameworks only
 * the overall is comparable.
 */
public final class DecisionDifferences {

    /** One result that differs: where, and each side's value with the rule behind it. */
    public record Difference(String result, Map<String, Object> baseline, Map<String, Object> candidate) {
    }

    private DecisionDifferences() {
    }

    public static List<Difference> between(InProcessApi.Answer baseline, InProcessApi.Answer candidate,
            boolean sameFramework) {
        List<Difference> differences = new ArrayList<>();
        if (baseline.status() != candidate.status()) {
            differences.add(new Difference("status", Map.of("status", baseline.status()),
                    Map.of("status", candidate.status())));
            return differences;
        }
        if (baseline.status() != 200) {
            return differences;
        }
        if (baseline.body().has("quadrant") || baseline.body().has("summary")) {
            for (String field : List.of("quadrant", "escalationStage", "actions", "grantCompliance", "summary")) {
                compare(field, List.of(), baseline.body(), candidate.body(), differences);
            }
            return differences;
        }
        if (sameFramework) {
            walk("keyQuestions", List.of("status", "rating", "band"), baseline.body(), candidate.body(), differences);
            walk("standards", List.of("status", "rating", "options"), baseline.body(), candidate.body(), differences);
        }
        compare("overall", List.of("status", "rating", "score", "options"), baseline.body(), candidate.body(),
                differences);
        return differences;
    }

    private static void walk(String section, List<String> fields, JsonNode baseline, JsonNode candidate,
            List<Difference> out) {
        Set<String> codes = new LinkedHashSet<>();
        baseline.path(section).fieldNames().forEachRemaining(codes::add);
        candidate.path(section).fieldNames().forEachRemaining(codes::add);
        for (String code : codes) {
            compare(section + "." + code, fields, baseline, candidate, out);
        }
    }

    private static void compare(String result, List<String> fields, JsonNode baseline, JsonNode candidate,
            List<Difference> out) {
        JsonNode b = at(baseline, result);
        JsonNode c = at(candidate, result);
        if (fields.isEmpty()) {
            if (!b.equals(c)) {
                out.add(new Difference(result, Map.of("value", b), Map.of("value", c)));
            }
            return;
        }
        for (String field : fields) {
            if (!b.path(field).equals(c.path(field))) {
                out.add(new Difference(result, side(b, fields, baseline, result), side(c, fields, candidate, result)));
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
