package uk.inspection.ratings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.inspection.engine.LoadProblem;
import uk.inspection.problem.Decision;
import uk.inspection.problem.ProblemType;
import uk.inspection.ratings.facts.OverallStatus;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetCheck;

/**
 * The manifest against the rules: rates a complete inspection of every type, with every
 * case key question at 0% and again at 100%, and checks that every key question is
 * banded, every standard the manifest declares gets a rating from the rules, and the
 * overall can be given.
 */
@Component
public class CoverageCheck implements RuleSetCheck {

    @Override
    public List<LoadProblem> check(RuleSet ruleSet) {
        Manifest manifest = ruleSet.manifest();
        if (!manifest.isRatings()) {
            return List.of();
        }
        String where = "rules/" + ruleSet.id() + "/framework.yaml";
        List<String> types = manifest.inspectionTypes().isEmpty() ? Collections.singletonList(null)
                : manifest.inspectionTypes().stream().map(Manifest.InspectionType::code).toList();
        List<LoadProblem> problems = new ArrayList<>();
        for (String type : types) {
            for (double share : new double[] { 0, 100 }) {
                String what = (type == null ? "an inspection" : "an " + type + " inspection")
                        + " with every key question at " + (int) share + "%";
                Decision<RatingResponse> decision = Ratings.decide(ruleSet, completeInspection(manifest, type, share));
                if (decision instanceof Decision.Decided<RatingResponse> decided) {
                    if (decided.value().overall().status() == OverallStatus.INCOMPLETE) {
                        problems.add(LoadProblem.inFile(where, "no overall rating for " + what + ": "
                                + String.join("; ", decided.value().overall().reasons())));
                    }
                }
                else if (decision instanceof Decision.Refused<RatingResponse> refused) {
                    problems.add(LoadProblem.inFile(where,
                            (refused.failure().type() == ProblemType.INVALID_FACTS
                                    ? "the rules refuse " + what + ": " + refused.failure().errors()
                                    : "the rules do not rate " + what + ": " + refused.failure().detail())));
                }
            }
        }
        return problems;
    }

    private static RatingRequest completeInspection(Manifest manifest, String type, double share) {
        Map<String, RatingRequest.KeyQuestionInput> keyQuestions = new LinkedHashMap<>();
        Map<String, Boolean> judgements = new LinkedHashMap<>();
        Map<String, String> ratings = new LinkedHashMap<>();
        String top = manifest.ratingScale().get(manifest.ratingScale().size() - 1).code();
        for (Manifest.Standard standard : manifest.standardsFor(type)) {
            if (standard.isJudgement()) {
                ratings.put(standard.code(), top);
            }
            for (Manifest.KeyQuestion question : standard.keyQuestions()) {
                if (question.isJudgement()) {
                    judgements.put(question.code(), true);
                }
                else {
                    keyQuestions.put(question.code(), new RatingRequest.KeyQuestionInput(null, null, share));
                }
            }
        }
        return new RatingRequest("coverage check", type, keyQuestions, List.of(), judgements, ratings, Map.of());
    }

}
