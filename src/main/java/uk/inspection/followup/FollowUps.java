package uk.inspection.followup;

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
 * Decides the follow-up of a report's recommendations with a follow-up rule set: checks
 * the request's shape ({@link FollowUpRequestValidator}), builds the facts
 * ({@link FollowUpFacts}), runs the rules, and reads the decision
 * ({@link FollowUpResponseAssembler}).
 */
public final class FollowUps {

    private FollowUps() {
    }

    /**
     * Each list of the request by field: every recommendation and addressee is a fact the
     * rules reason over, so a huge list would make sound rules run past their deadline
     * and get a good version withdrawn.
     */
    private static Map<String, Integer> sizes(FollowUpRequest request) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("recommendations", request.recommendations().size());
        for (int i = 0; i < request.recommendations().size(); i++) {
            if (request.recommendations().get(i) != null) {
                sizes.put("recommendations[" + i + "].addressedTo",
                        request.recommendations().get(i).addressedTo().size());
            }
        }
        return sizes;
    }

    /**
     * The decision; or every field the request or the rules cannot accept; or the rule
     * set's defect.
     */
    public static Decision<FollowUpResponse> decide(RuleSet ruleSet, FollowUpRequest request, RequestLimits limits) {
        Optional<Failure> tooMany = limits.tooManyEntries(sizes(request));
        if (tooMany.isPresent()) {
            return Decision.refused(tooMany.get());
        }
        List<FieldProblem> problems = FollowUpRequestValidator.validate(request);
        if (!problems.isEmpty()) {
            return Decision.refused(limits.invalidFacts(problems));
        }
        Evaluation evaluation = ruleSet.evaluate(FollowUpFacts.of(request));
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
            return Decision.decided(FollowUpResponseAssembler.assemble(ruleSet, request, completed));
        }
        catch (FailureException defect) {
            return Decision.refused(defect.failure());
        }
    }

}
