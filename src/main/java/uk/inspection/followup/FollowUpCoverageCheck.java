package uk.inspection.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.inspection.decision.DecisionPipeline;
import uk.inspection.engine.InsertedFact;
import uk.inspection.engine.LoadProblem;
import uk.inspection.followup.FollowUpRequest.RecommendationInput;
import uk.inspection.followup.facts.Authority;
import uk.inspection.followup.facts.ReportKind;
import uk.inspection.problem.Decision;
import uk.inspection.problem.RequestLimits;
import uk.inspection.problem.ProblemType;
import uk.inspection.ruleset.RuleSet;

/**
 * Every report kind a follow-up rule set's tables define, decided before the rule set is
 * served, so no table defect (overlapping period rows, say) reaches a client as a 500: a
 * report of each kind with both dates and one recommendation to each authority must be
 * decided; without the dates it may be refused by field, never fail.
 */
final class FollowUpCoverageCheck {

    private static final LocalDate DRAFT_RECEIVED = LocalDate.of(2025, 1, 6);

    private static final LocalDate PUBLISHED = LocalDate.of(2025, 3, 3);

    private final FollowUpKind kind;

    FollowUpCoverageCheck(FollowUpKind kind) {
        this.kind = kind;
    }

    List<LoadProblem> check(RuleSet ruleSet) {
        List<InsertedFact> reference = ruleSet.rules().insertedWithoutFacts();
        List<RecommendationInput> recommendations = new ArrayList<>();
        reference.stream()
            .map(InsertedFact::fact)
            .filter(Authority.class::isInstance)
            .map(a -> ((Authority) a).code())
            .forEach(code -> recommendations
                .add(new RecommendationInput("R" + (recommendations.size() + 1), "coverage check", List.of(code))));
        String where = "rules/" + ruleSet.id() + "/framework.yaml";
        List<LoadProblem> problems = new ArrayList<>();
        reference.stream().map(InsertedFact::fact).filter(ReportKind.class::isInstance).forEach(fact -> {
            String kind = ((ReportKind) fact).code();
            decide(ruleSet, new FollowUpRequest("coverage check", kind, DRAFT_RECEIVED, PUBLISHED, recommendations),
                    false)
                .ifPresent(why -> problems.add(LoadProblem.inFile(where, "the rules do not decide a " + kind
                        + " report with both dates and a recommendation to each authority: " + why)));
            decide(ruleSet, new FollowUpRequest("coverage check", kind, null, null, recommendations), true)
                .ifPresent(why -> problems.add(LoadProblem.inFile(where,
                        "the rules do not decide a " + kind + " report without dates: " + why)));
        });
        return problems;
    }

    /**
     * Why the request was not decided, if it was not; a refusal by field is no problem
     * when {@code mayRefuse}.
     */
    private Optional<String> decide(RuleSet ruleSet, FollowUpRequest request, boolean mayRefuse) {
        Decision<FollowUpResponse> decision = Decision
            .confirmed(() -> DecisionPipeline.decide(kind, ruleSet, request, RequestLimits.DEFAULTS));
        if (decision instanceof Decision.Refused<FollowUpResponse> refused
                && (!mayRefuse || refused.failure().type() != ProblemType.INVALID_FACTS)) {
            return Optional.of(refused.failure().errors().isEmpty() ? refused.failure().detail()
                    : refused.failure().errors().toString());
        }
        return Optional.empty();
    }

}
