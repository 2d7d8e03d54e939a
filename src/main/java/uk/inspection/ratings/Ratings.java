package uk.inspection.ratings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.inspection.engine.Evaluation;
import uk.inspection.facts.Rejection;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FailureException;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.RuleSet;

/**
 * Rates an inspection with a rule set: checks the request against its manifest
 * ({@link RatingRequestValidator}), builds the facts ({@link RatingFacts}), runs the
 * rules, and reads the decision ({@link RatingResponseAssembler}).
 */
public final class Ratings {

    private Ratings() {
    }

    private static Map<String, Integer> sizes(RatingRequest request) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("keyQuestions", request.keyQuestions().size());
        sizes.put("judgements", request.judgements().size());
        sizes.put("ratings", request.ratings().size());
        sizes.put("panel", request.panel().size());
        sizes.put("organisationalAlerts", request.organisationalAlerts().size());
        for (int i = 0; i < request.cases().size(); i++) {
            if (request.cases().get(i) != null) {
                sizes.put("cases[" + i + "].answers", request.cases().get(i).answers().size());
            }
        }
        return sizes;
    }

    /**
     * The decision; or every field the manifest or the rules cannot accept; or the rule
     * set's defect.
     */
    public static Decision<RatingResponse> decide(RuleSet ruleSet, RatingRequest request, RequestLimits limits) {
        Optional<Failure> tooMany = limits.tooManyCases(request.cases().size())
            .or(() -> limits.tooManyEntries(sizes(request)));
        if (tooMany.isPresent()) {
            return Decision.refused(tooMany.get());
        }
        List<FieldProblem> problems = RatingRequestValidator.validate(request, ruleSet.manifest());
        if (!problems.isEmpty()) {
            return Decision.refused(limits.invalidFacts(problems));
        }
        Evaluation evaluation = ruleSet.evaluate(RatingFacts.of(ruleSet.id(), request, ruleSet.manifest()));
        if (evaluation instanceof Evaluation.Failed failed) {
            return Decision.refused(Failure.runaway(failed.message(), failed.culprit()));
        }
        Evaluation.Completed completed = (Evaluation.Completed) evaluation;
        List<FieldProblem> rejected = completed.outputs(Rejection.class)
            .stream()
            .map(r -> new FieldProblem(r.field(), r.message()))
            .toList();
        if (!rejected.isEmpty()) {
            return Decision.refused(limits.invalidFacts(rejected));
        }
        try {
            return Decision.decided(RatingResponseAssembler.assemble(ruleSet, request, completed));
        }
        catch (FailureException defect) {
            return Decision.refused(defect.failure());
        }
    }

}
