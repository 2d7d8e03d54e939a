package uk.inspection.ratings;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.ProblemType;
import uk.inspection.records.AnswerJson;
import uk.inspection.ruleset.InForce;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetRegistry;

/**
 * The ratings framework in force for an inspection: the one served whose manifest's
 * {@code inForce} window holds the first day of its fieldwork. None, or more than one, is
 * the client's to resolve by naming the framework in the path: a 422 naming
 * {@code inspectionDate} and every candidate with its window.
 */
@Component
public class FrameworkInForce {

    static final String FIELD = "inspectionDate";

    private final RuleSetRegistry registry;

    FrameworkInForce(RuleSetRegistry registry) {
        this.registry = registry;
    }

    /**
     * The framework chosen, and why: its window, as {@link InForce#describe} words it.
     */
    record Chosen(String framework, String chosenBy) {

        /**
         * The answer with {@code chosenBy} as its last field. The decision's record keeps
         * the answer without it, as it does without {@code decisionId}: the record's
         * request has the date and its framework the window, and a replay with the
         * recorded version gives the recorded answer.
         */
        ResponseEntity<AnswerJson<RatingResponse>> told(ResponseEntity<AnswerJson<RatingResponse>> answer) {
            byte[] json = answer.getBody().json();
            // A window's words are dates, dots and letters: nothing to escape.
            byte[] field = ((json.length > 2 ? "," : "") + "\"chosenBy\":\"" + chosenBy + "\"}")
                .getBytes(StandardCharsets.UTF_8);
            byte[] told = Arrays.copyOf(json, json.length - 1 + field.length);
            System.arraycopy(field, 0, told, json.length - 1, field.length);
            return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .body(new AnswerJson<>(told));
        }

    }

    /** The framework in force on {@code date}, or the 422 saying why there is not one. */
    Chosen on(LocalDate date) {
        if (date == null) {
            throw refused("inspectionDate is required",
                    "is required: the first day of the inspection's fieldwork (an ISO date such as 2025-06-02),"
                            + " which chooses the framework in force that day");
        }
        List<RuleSet> ratings = registry.frameworks()
            .values()
            .stream()
            .flatMap(Optional::stream)
            .filter(ruleSet -> ruleSet.manifest().isRatings())
            .toList();
        List<RuleSet> inForce = ratings.stream()
            .filter(ruleSet -> ruleSet.manifest().inForce() != null && ruleSet.manifest().inForce().contains(date))
            .toList();
        if (inForce.size() == 1) {
            RuleSet chosen = inForce.get(0);
            return new Chosen(chosen.id(), chosen.manifest().inForce().describe());
        }
        String why = inForce.isEmpty() ? "no ratings framework is in force on " + date
                : "more than one ratings framework is in force on " + date + " ("
                        + inForce.stream().map(RuleSet::id).collect(Collectors.joining(", ")) + ")";
        throw refused(why, why + "; name one in the path (POST /api/v1/frameworks/{framework}/ratings). Candidates: "
                + ratings.stream().map(FrameworkInForce::candidate).collect(Collectors.joining(", ")));
    }

    private static String candidate(RuleSet ruleSet) {
        InForce window = ruleSet.manifest().inForce();
        return ruleSet.id() + " " + (window == null ? "(no inForce window)" : window.describe());
    }

    private static RuntimeException refused(String detail, String message) {
        return new Failure(ProblemType.INVALID_FACTS, detail, List.of(new FieldProblem(FIELD, message))).exception();
    }

}
