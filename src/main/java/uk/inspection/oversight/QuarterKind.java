package uk.inspection.oversight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.inspection.decision.DecisionKind;
import uk.inspection.decision.Rules;
import uk.inspection.engine.Evaluation;
import uk.inspection.facts.Flag;
import uk.inspection.oversight.OversightResponse.Notice;
import uk.inspection.oversight.facts.QuarterSummary;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FailureException;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;

/**
 * Every service of a quarter at once, with an oversight rule set: the raw KPI values are
 * ranked nationally ({@link QuarterRanking}), each service is assessed as
 * {@link AssessmentKind} assesses one (every service's rejected fields refused together),
 * and the quarter is summarised by quadrant. Its coverage is part of the oversight gate
 * ({@link AssessmentKind#coverage}).
 */
public final class QuarterKind implements DecisionKind<QuarterRequest, QuarterResponse> {

    public static final String PATH = "/api/v1/oversight/quarters";

    private static final Names<QuarterRequest> NAMES = new Names<>("QUARTER", "quarters", Manifest.Kind.OVERSIGHT, PATH,
            AssessmentKind.OVERSIGHT, QuarterRequest.class);

    @Override
    public Names<QuarterRequest> names() {
        return NAMES;
    }

    @Override
    public Optional<Failure> tooMany(QuarterRequest request, RequestLimits limits) {
        return limits.tooManyServices(request.services().size()).or(() -> {
            Map<String, Integer> sizes = new LinkedHashMap<>();
            for (int i = 0; i < request.services().size(); i++) {
                sizes.putAll(AssessmentKind.sizes(request.services().get(i), "services[" + i + "]."));
            }
            return limits.tooManyEntries(sizes);
        });
    }

    @Override
    public List<FieldProblem> validate(QuarterRequest request, RuleSet ruleSet) {
        List<FieldProblem> problems = new ArrayList<>(OversightRequestValidator.validateQuarter(request));
        for (int i = 0; i < request.services().size(); i++) {
            problems.addAll(OversightRequestValidator.validate(request.services().get(i), ruleSet.manifest(),
                    OversightRequestValidator.Metrics.RAW_VALUES, "services[" + i + "]."));
        }
        return problems;
    }

    @Override
    public QuarterResponse decide(QuarterRequest request, Rules rules) {
        List<OversightRequest> ranked = QuarterRanking.rank(rules, request.services());
        List<OversightResponse> results = new ArrayList<>();
        List<FieldProblem> rejected = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            try {
                results.add(AssessmentKind.assess(ranked.get(i), rules, "services[" + i + "]."));
            }
            catch (FailureException e) {
                if (!e.failure().errors().isEmpty()) {
                    rejected.addAll(e.failure().errors());
                }
                else {
                    throw e;
                }
            }
        }
        if (!rejected.isEmpty()) {
            throw rules.invalidFacts(rejected).exception();
        }
        RuleSet ruleSet = rules.ruleSet();
        return new QuarterResponse(ruleSet.id(), ruleSet.version(), ruleSet.effectiveFrom(), request.quarter(), results,
                summary(rules, request.quarter(), results), null);
    }

    private static QuarterResponse.Summary summary(Rules rules, String quarter, List<OversightResponse> results) {
        Map<String, Integer> byQuadrant = new LinkedHashMap<>();
        rules.ruleSet().manifest().vocabulary("currentQuadrant").orElse(List.of()).forEach(q -> byQuadrant.put(q, 0));
        results.forEach(r -> byQuadrant.merge(String.valueOf(r.quadrant()), 1, Integer::sum));
        int priority = (int) results.stream().filter(r -> Boolean.TRUE.equals(r.priorityService())).count();
        Evaluation.Completed evaluation = rules
            .completed(List.of(new QuarterSummary(quarter, results.size(), priority)));
        List<Notice> flags = evaluation.outputs(Flag.class)
            .stream()
            .map(f -> new Notice(f.code(), f.message()))
            .toList();
        return new QuarterResponse.Summary(results.size(), byQuadrant, priority, flags);
    }

    /** A quarter names no one service. */
    @Override
    public String service(QuarterRequest request) {
        return null;
    }

    @Override
    public String outcome(QuarterResponse response) {
        return "QUARTER";
    }

}
