package uk.inspection.regression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.ratings.facts.OverallStatus;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;

/**
 * A standard that counts toward the overall and has no evidence in the input, because the
 * translation declares it has no counterpart in the other framework (the victims'
 * standard, for a 2018 inspection re-rated under 2024; 3.4, judged since 2021): the
 * overall the input would get for each rating that standard could take. Found by running
 * the real rules over every rating a judged standard may be given, or every share of a
 * case standard's key questions (0–100% in half-point steps) and every answer to its
 * judgements, and reading the overall for each permitted panel choice: no rating or band
 * is assumed here.
 */
final class MissingEvidenceRange {

    private static final int STEPS = 200;

    /**
     * More combinations than this (several case questions without evidence) is not
     * explored.
     */
    private static final int MAX_CANDIDATES = 2_000;

    /**
     * The standard explored and the overall rating for each rating it could take, lowest
     * first.
     */
    public record Range(String standard, Map<String, String> overallByRating, String lowest, String highest) {

        /** The overall ratings it spans: one rating, or "LOWEST..HIGHEST". */
        String label() {
            return lowest.equals(highest) ? lowest : lowest + ".." + highest;
        }
    }

    /**
     * The range, and one of the explored decisions: every other standard is decided in it
     * as in them all.
     */
    record Explored(Range range, InProcessApi.Answer decision) {
    }

    private MissingEvidenceRange() {
    }

    static Optional<Explored> of(RuleSet ruleSet, JsonNode input, String code, InProcessApi api) {
        Manifest.Standard standard = ruleSet.manifest().standard(code).orElse(null);
        if (standard == null || !standard.countsTowardOverall() || !noEvidence(standard, input)) {
            return Optional.empty();
        }
        long combinations = standard.isJudgement() ? ruleSet.manifest().ratingScale().size()
                : standard.keyQuestions()
                    .stream()
                    .mapToLong(q -> q.isJudgement() ? 2 : STEPS + 1)
                    .reduce(1, (a, b) -> a * b);
        if (combinations > MAX_CANDIDATES) {
            return Optional.empty();
        }
        List<ObjectNode> candidates = candidates(ruleSet.manifest(), standard, (ObjectNode) input);
        Map<String, String> byRating = new TreeMap<>(Comparator.comparingInt(r -> score(ruleSet, r)));
        Set<String> seen = new HashSet<>();
        InProcessApi.Answer sample = null;
        for (ObjectNode candidate : candidates) {
            InProcessApi.Answer outcome = api.answer(ruleSet, candidate);
            if (outcome.status() != 200 || !seen.add(outcome.body().path("standards").path(code).toString())) {
                continue;
            }
            sample = sample == null ? outcome : sample;
            collect(outcome.body(), code, byRating);
        }
        if (byRating.isEmpty()) {
            return Optional.empty();
        }
        List<String> overall = byRating.values()
            .stream()
            .sorted(Comparator.comparingInt(r -> score(ruleSet, r)))
            .toList();
        return Optional.of(new Explored(
                new Range(code, new LinkedHashMap<>(byRating), overall.get(0), overall.get(overall.size() - 1)),
                sample));
    }

    private static boolean noEvidence(Manifest.Standard standard, JsonNode input) {
        if (input.path("ratings").has(standard.code())) {
            return false;
        }
        for (Manifest.KeyQuestion question : standard.keyQuestions()) {
            if (input.path("keyQuestions").has(question.code()) || input.path("judgements").has(question.code())) {
                return false;
            }
            for (JsonNode inspected : input.path("cases")) {
                if (inspected.path("answers").has(question.code())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The input with the standard's evidence added: each rating of the scale for a judged
     * standard; each share for case questions, yes and no for judgements.
     */
    private static List<ObjectNode> candidates(Manifest manifest, Manifest.Standard standard, ObjectNode input) {
        if (standard.isJudgement()) {
            return manifest.ratingScale().stream().map(step -> {
                ObjectNode copy = input.deepCopy();
                copy.with("ratings").put(standard.code(), step.code());
                return copy;
            }).toList();
        }
        List<ObjectNode> candidates = List.of(input.deepCopy());
        for (Manifest.KeyQuestion question : standard.keyQuestions()) {
            List<ObjectNode> next = new ArrayList<>();
            for (ObjectNode base : candidates) {
                if (question.isJudgement()) {
                    for (boolean answer : new boolean[] { true, false }) {
                        ObjectNode copy = base.deepCopy();
                        copy.with("judgements").put(question.code(), answer);
                        next.add(copy);
                    }
                }
                else {
                    for (int step = 0; step <= STEPS; step++) {
                        ObjectNode copy = base.deepCopy();
                        copy.with("keyQuestions").putObject(question.code()).put("percentage", step * 100.0 / STEPS);
                        next.add(copy);
                    }
                }
            }
            candidates = next;
        }
        return candidates;
    }

    private static void collect(JsonNode body, String standard, Map<String, String> byRating) {
        JsonNode overall = body.path("overall");
        if (OverallStatus.FINAL.name().equals(overall.path("status").asText())) {
            byRating.put(body.path("standards").path(standard).path("rating").asText(),
                    overall.path("rating").asText());
        }
        for (Iterator<JsonNode> it = overall.path("options").elements(); it.hasNext();) {
            JsonNode option = it.next();
            byRating.put(option.path("choices").path(standard).asText(), option.path("rating").asText());
        }
    }

    private static int score(RuleSet ruleSet, String rating) {
        return ruleSet.manifest().scaleStep(rating).map(Manifest.ScaleStep::score).orElse(Integer.MAX_VALUE);
    }

}
