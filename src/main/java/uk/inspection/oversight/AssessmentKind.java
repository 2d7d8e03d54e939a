package uk.inspection.oversight;

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
 * Recommends a quadrant for one service's quarter with an oversight rule set: checks the
 * request against its manifest ({@link OversightRequestValidator}), builds the facts
 * ({@link OversightFacts}), runs the rules, and reads the decision
 * ({@link OversightResponseAssembler}). A quarter ({@link QuarterKind}) assesses each of
 * its services the same way.
 */
public final class AssessmentKind implements DecisionKind<OversightRequest, OversightResponse> {

    public static final String PATH = "/api/v1/oversight/assessments";

    /** Assessments and quarters, grouped as one feature. */
    static final Feature OVERSIGHT = new Feature("Oversight",
            "Youth Justice Board oversight: one service's quarter, or every service's at once.");

    private static final Names<OversightRequest> NAMES = new Names<>("ASSESSMENT", "assessments",
            Manifest.Kind.OVERSIGHT, PATH, OVERSIGHT, OversightRequest.class);

    @Override
    public Names<OversightRequest> names() {
        return NAMES;
    }

    @Override
    public Optional<Failure> tooMany(OversightRequest request, RequestLimits limits) {
        return limits.tooManyEntries(sizes(request, ""));
    }

    /** How many entries each list and map of a service's quarter holds. */
    static Map<String, Integer> sizes(OversightRequest service, String prefix) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        if (service != null) {
            sizes.put(prefix + "metrics", service.metrics().size());
            sizes.put(prefix + "concerns", service.concerns().size());
            sizes.put(prefix + "grantConditions",
                    service.grantConditions() == null ? 0 : service.grantConditions().size());
            service.metrics()
                .forEach((kpi, metric) -> sizes.put(prefix + "metrics." + kpi + ".previousNationalPercentiles",
                        metric == null ? 0 : metric.previousNationalPercentiles().size()));
        }
        return sizes;
    }

    @Override
    public List<FieldProblem> validate(OversightRequest request, RuleSet ruleSet) {
        return OversightRequestValidator.validate(request, ruleSet.manifest(),
                OversightRequestValidator.Metrics.PERCENTILES, "");
    }

    @Override
    public OversightResponse decide(OversightRequest request, Rules rules) {
        return assess(request, rules, "");
    }

    /**
     * One service's quarter, its rejected fields named after {@code prefix}; a rejection
     * or a defect is thrown as a failure.
     */
    static OversightResponse assess(OversightRequest request, Rules rules, String prefix) {
        return OversightResponseAssembler.assemble(rules.ruleSet(), request,
                rules.accepted(OversightFacts.of(request), prefix));
    }

    @Override
    public String service(OversightRequest request) {
        return request.service();
    }

    @Override
    public String outcome(OversightResponse response) {
        return response.summary();
    }

    /** The oversight gate, which ranks a small quarter too. */
    @Override
    public List<LoadProblem> coverage(RuleSet ruleSet) {
        return new OversightCoverageCheck(this, new QuarterKind()).check(ruleSet);
    }

}
