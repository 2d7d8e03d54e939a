package uk.inspection.followup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.inspection.engine.Evaluation;
import uk.inspection.facts.Flag;
import uk.inspection.followup.FollowUpResponse.ActionPlanView;
import uk.inspection.followup.FollowUpResponse.Notice;
import uk.inspection.followup.FollowUpResponse.RecommendationView;
import uk.inspection.followup.facts.ActionPlan;
import uk.inspection.followup.facts.DueDate;
import uk.inspection.followup.facts.RecommendationResponse;
import uk.inspection.problem.Failure;
import uk.inspection.ruleset.RuleSet;

/**
 * Reads the follow-up rules' outputs into the response. The action plan must be decided
 * by exactly one rule and each due date by at most one: anything else is a defect of the
 * rule set (two rows of a table overlap), reported as such rather than answered wrongly.
 */
final class FollowUpResponseAssembler {

    private FollowUpResponseAssembler() {
    }

    static FollowUpResponse assemble(RuleSet ruleSet, FollowUpRequest request, Evaluation.Completed evaluation) {
        List<ActionPlan> plans = evaluation.outputs(ActionPlan.class);
        if (plans.size() != 1) {
            throw Failure
                .ruleSetDefect(ruleSet.id() + ": " + plans.size()
                        + " rules decided the action plan where exactly one should: " + plans)
                .exception();
        }
        ActionPlan plan = plans.get(0);
        Map<String, String> due = new LinkedHashMap<>();
        for (DueDate date : evaluation.outputs(DueDate.class)) {
            if (due.putIfAbsent(date.step(), date.date().toString()) != null) {
                throw Failure
                    .ruleSetDefect(ruleSet.id() + ": more than one rule decided the date " + date.step()
                            + " is due: two period rows overlap")
                    .exception();
            }
        }
        List<RecommendationResponse> responses = evaluation.outputs(RecommendationResponse.class);
        List<RecommendationView> recommendations = request.recommendations()
            .stream()
            .map(r -> new RecommendationView(r.id(), r.addressedTo(),
                    responses.stream()
                        .filter(response -> response.recommendation().equals(r.id()))
                        .map(RecommendationResponse::name)
                        .toList()))
            .toList();
        return new FollowUpResponse(ruleSet.id(), ruleSet.version(), ruleSet.effectiveFrom(), request.report(),
                request.reportKind(),
                new ActionPlanView(plan.preparedBy(), plan.preparedByName(), plan.with(), plan.publishedOn(), due,
                        plan.followUp()),
                recommendations,
                evaluation.outputs(Flag.class).stream().map(f -> new Notice(f.code(), f.message())).toList(),
                evaluation.trace(), null);
    }

}
