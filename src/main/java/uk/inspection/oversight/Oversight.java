package uk.inspection.oversight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.inspection.engine.Evaluation;
import uk.inspection.facts.Flag;
import uk.inspection.facts.Rejection;
import uk.inspection.oversight.OversightResponse.Notice;
import uk.inspection.oversight.facts.QuarterSummary;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FailureException;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.RuleSet;

/**
 * Recommends a quadrant for a service's quarter, or for every service of a quarter, with
 * an oversight rule set: checks the request against its manifest
 * ({@link OversightRequestValidator}), builds the facts ({@link OversightFacts}), runs
 * the rules, and reads the decision ({@link OversightResponseAssembler}). A quarter's raw
 * KPI values are ranked first ({@link QuarterRanking}).
 */
public final class Oversight {

    private Oversight() {
    }

    public static Decision<OversightResponse> assess(RuleSet ruleSet, OversightRequest request, RequestLimits limits) {
        Optional<Failure> tooMany = limits.tooManyEntries(sizes(request, ""));
        if (tooMany.isPresent()) {
            return Decision.refused(tooMany.get());
        }
        List<FieldProblem> problems = OversightRequestValidator.validate(request, ruleSet.manifest(),
                OversightRequestValidator.Metrics.PERCENTILES, "");
        if (!problems.isEmpty()) {
            return Decision.refused(limits.invalidFacts(problems));
        }
        return decided(() -> evaluate(ruleSet, request, "", limits));
    }

    public static Decision<QuarterResponse> quarter(RuleSet ruleSet, QuarterRequest request, RequestLimits limits) {
        Optional<Failure> tooMany = limits.tooManyServices(request.services().size()).or(() -> {
            Map<String, Integer> sizes = new LinkedHashMap<>();
            for (int i = 0; i < request.services().size(); i++) {
                sizes.putAll(sizes(request.services().get(i), "services[" + i + "]."));
            }
            return limits.tooManyEntries(sizes);
        });
        if (tooMany.isPresent()) {
            return Decision.refused(tooMany.get());
        }
        List<FieldProblem> problems = new ArrayList<>(OversightRequestValidator.validateQuarter(request));
        for (int i = 0; i < request.services().size(); i++) {
            problems.addAll(OversightRequestValidator.validate(request.services().get(i), ruleSet.manifest(),
                    OversightRequestValidator.Metrics.RAW_VALUES, "services[" + i + "]."));
        }
        if (!problems.isEmpty()) {
            return Decision.refused(limits.invalidFacts(problems));
        }
        return decided(() -> {
            List<OversightRequest> ranked = QuarterRanking.rank(ruleSet, request.services());
            List<OversightResponse> results = new ArrayList<>();
            List<FieldProblem> rejected = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                try {
                    results.add(evaluate(ruleSet, ranked.get(i), "services[" + i + "].", limits));
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
                throw limits.invalidFacts(rejected).exception();
            }
            return new QuarterResponse(ruleSet.id(), ruleSet.version(), request.quarter(), results,
                    summary(ruleSet, request.quarter(), results), null);
        });
    }

    /** How many entries each list and map of a service's quarter holds. */
    private static Map<String, Integer> sizes(OversightRequest service, String prefix) {
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

    private static QuarterResponse.Summary summary(RuleSet ruleSet, String quarter, List<OversightResponse> results) {
        Map<String, Integer> byQuadrant = new LinkedHashMap<>();
        ruleSet.manifest().vocabulary("currentQuadrant").orElse(List.of()).forEach(q -> byQuadrant.put(q, 0));
        results.forEach(r -> byQuadrant.merge(String.valueOf(r.quadrant()), 1, Integer::sum));
        int priority = (int) results.stream().filter(r -> Boolean.TRUE.equals(r.priorityService())).count();
        Evaluation.Completed evaluation = completed(
                ruleSet.evaluate(List.of(new QuarterSummary(quarter, results.size(), priority))));
        List<Notice> flags = evaluation.outputs(Flag.class)
            .stream()
            .map(f -> new Notice(f.code(), f.message()))
            .toList();
        return new QuarterResponse.Summary(results.size(), byQuadrant, priority, flags);
    }

    /**
     * One service's quarter; a rejection or a defect is thrown as a failure, caught by
     * {@link #decided}.
     */
    private static OversightResponse evaluate(RuleSet ruleSet, OversightRequest request, String prefix,
            RequestLimits limits) {
        Evaluation.Completed evaluation = completed(ruleSet.evaluate(OversightFacts.of(request)));
        List<FieldProblem> rejected = evaluation.outputs(Rejection.class)
            .stream()
            .map(r -> new FieldProblem(prefix + r.field(), r.message()))
            .toList();
        if (!rejected.isEmpty()) {
            throw limits.invalidFacts(rejected).exception();
        }
        return OversightResponseAssembler.assemble(ruleSet, request, evaluation);
    }

    static Evaluation.Completed completed(Evaluation evaluation) {
        if (evaluation instanceof Evaluation.Failed failed) {
            throw Failure.runaway(failed.message(), failed.culprit()).exception();
        }
        return (Evaluation.Completed) evaluation;
    }

    private static <T> Decision<T> decided(java.util.function.Supplier<T> decide) {
        try {
            return Decision.decided(decide.get());
        }
        catch (FailureException failure) {
            return Decision.refused(failure.failure());
        }
    }

}
