package uk.inspection.oversight;

import java.util.List;
import java.util.function.Function;

import uk.inspection.engine.Evaluation;
import uk.inspection.engine.RuleOutput;
import uk.inspection.facts.Trigger;
import uk.inspection.oversight.OversightResponse.GrantComplianceView;
import uk.inspection.oversight.OversightResponse.Notice;
import uk.inspection.oversight.OversightResponse.ReasonView;
import uk.inspection.oversight.facts.EscalationStage;
import uk.inspection.oversight.facts.GrantCompliance;
import uk.inspection.oversight.facts.OversightActions;
import uk.inspection.oversight.facts.Placement;
import uk.inspection.oversight.facts.PriorityService;
import uk.inspection.oversight.facts.QuadrantLabel;
import uk.inspection.oversight.facts.Reason;
import uk.inspection.oversight.facts.Recommendation;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FailureException;
import uk.inspection.ruleset.RuleSet;

/**
 * Reads the oversight rules' outputs into the response. Each of the quadrant, its label,
 * priority, escalation stage, actions and grant compliance must be decided by exactly one
 * rule: anything else is a defect of the rule set, reported as such rather than answered
 * wrongly.
 */
final class OversightResponseAssembler {

    private OversightResponseAssembler() {
    }

    static OversightResponse assemble(RuleSet ruleSet, OversightRequest request, Evaluation.Completed evaluation) {
        Placement placement = single(ruleSet, evaluation, Placement.class, "quadrant");
        GrantCompliance compliance = single(ruleSet, evaluation, GrantCompliance.class, "grant compliance");
        return new OversightResponse(ruleSet.id(), ruleSet.version(), ruleSet.effectiveFrom(), request.service(),
                request.quarter(), placement.quadrant(),
                single(ruleSet, evaluation, Recommendation.class, "recommendation").quadrant(),
                single(ruleSet, evaluation, QuadrantLabel.class, "label").label(),
                single(ruleSet, evaluation, PriorityService.class, "priority").priority(),
                single(ruleSet, evaluation, EscalationStage.class, "escalation stage").stage(),
                single(ruleSet, evaluation, OversightActions.class, "actions").codes(),
                map(evaluation, Reason.class, r -> new ReasonView(r.code(), r.quadrant(), r.message())),
                new GrantComplianceView(compliance.status(), compliance.failed(), compliance.missing()),
                map(evaluation, Trigger.class, t -> new Notice(t.code(), t.message())), evaluation.trace(), null);
    }

    private static <T extends RuleOutput> T single(RuleSet ruleSet, Evaluation.Completed evaluation, Class<T> type,
            String what) {
        List<T> outputs = evaluation.outputs(type);
        if (outputs.size() != 1) {
            throw defect(ruleSet.id() + ": " + outputs.size() + " rules decided the " + what
                    + " where exactly one should: " + outputs);
        }
        return outputs.get(0);
    }

    private static <T extends RuleOutput, V> List<V> map(Evaluation.Completed evaluation, Class<T> type,
            Function<T, V> view) {
        return evaluation.outputs(type).stream().map(view).toList();
    }

    private static FailureException defect(String message) {
        return Failure.ruleSetDefect(message).exception();
    }

}
