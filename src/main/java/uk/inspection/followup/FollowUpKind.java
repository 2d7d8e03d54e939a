package uk.inspection.followup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.inspection.decision.DecisionKind;
import uk.inspection.decision.Rules;
import uk.inspection.engine.LoadProblem;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;

/**
 * Decides the follow-up of a report's recommendations with a follow-up rule set: checks
 * the request's shape ({@link FollowUpRequestValidator}), builds the facts
 * ({@link FollowUpFacts}), runs the rules, and reads the decision
 * ({@link FollowUpResponseAssembler}).
 */
public final class FollowUpKind implements DecisionKind<FollowUpRequest, FollowUpResponse> {

    public static final String PATH = "/api/v1/probation/follow-ups";

    private static final Names<FollowUpRequest> NAMES = new Names<>("FOLLOW_UP", "follow-ups", Manifest.Kind.FOLLOW_UP,
            PATH,
            new Feature("Probation follow-up", "Who answers a probation inspection's recommendations, and by when."),
            FollowUpRequest.class);

    @Override
    public Names<FollowUpRequest> names() {
        return NAMES;
    }

    /**
     * Each list of the request by field: every recommendation and addressee is a fact the
     * rules reason over, so a huge list would make sound rules run past their deadline
     * and get a good version withdrawn.
     */
    @Override
    public Optional<Failure> tooMany(FollowUpRequest request, RequestLimits limits) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("recommendations", request.recommendations().size());
        for (int i = 0; i < request.recommendations().size(); i++) {
            if (request.recommendations().get(i) != null) {
                sizes.put("recommendations[" + i + "].addressedTo",
                        request.recommendations().get(i).addressedTo().size());
            }
        }
        return limits.tooManyEntries(sizes);
    }

    @Override
    public List<FieldProblem> validate(FollowUpRequest request, RuleSet ruleSet) {
        return FollowUpRequestValidator.validate(request);
    }

    @Override
    public FollowUpResponse decide(FollowUpRequest request, Rules rules) {
        return FollowUpResponseAssembler.assemble(rules.ruleSet(), request, rules.accepted(FollowUpFacts.of(request)));
    }

    @Override
    public String service(FollowUpRequest request) {
        return request.report();
    }

    @Override
    public String outcome(FollowUpResponse response) {
        return response.summary();
    }

    @Override
    public List<LoadProblem> coverage(RuleSet ruleSet) {
        return new FollowUpCoverageCheck(this).check(ruleSet);
    }

}
