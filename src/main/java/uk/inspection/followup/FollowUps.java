package uk.inspection.followup;

import java.util.List;

import uk.inspection.engine.Evaluation;
import uk.inspection.facts.Rejection;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FailureException;
import uk.inspection.problem.FieldProblem;
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
     * The decision; or every field the request or the rules cannot accept; or the rule
     * set's defect.
     */
    public static Decision<FollowUpResponse> decide(RuleSet ruleSet, FollowUpRequest request) {
        List<FieldProblem> problems = FollowUpRequestValidator.validate(request);
        if (!problems.isEmpty()) {
            return Decision.refused(Failure.invalidFacts(problems));
        }
        Evaluation evaluation = ruleSet.evaluate(FollowUpFacts.of(request));
        if (evaluation instanceof Evaluation.Failed failed) {
            return Decision.refused(Failure.ruleSetDefect(failed.message()));
        }
        Evaluation.Completed completed = (Evaluation.Completed) evaluation;
        List<FieldProblem> rejected = completed.outputs(Rejection.class)
            .stream()
            .map(r -> new FieldProblem(r.field(), r.message()))
            .toList();
        if (!rejected.isEmpty()) {
            return Decision.refused(Failure.invalidFacts(rejected));
        }
        try {
            return Decision.decided(FollowUpResponseAssembler.assemble(ruleSet, request, completed));
        }
        catch (FailureException defect) {
            return Decision.refused(defect.failure());
        }
    }

}
