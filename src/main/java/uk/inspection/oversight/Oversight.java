package uk.inspection.oversight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import uk.inspection.oversight.OversightResponse.GrantComplianceView;
import uk.inspection.oversight.OversightResponse.Notice;
import uk.inspection.oversight.OversightResponse.ReasonView;
import uk.inspection.oversight.facts.Concern;
import uk.inspection.oversight.facts.EscalationStage;
import uk.inspection.oversight.facts.GrantAnswer;
import uk.inspection.oversight.facts.GrantCompliance;
import uk.inspection.oversight.facts.Metric;
import uk.inspection.oversight.facts.OversightActions;
import uk.inspection.oversight.facts.Placement;
import uk.inspection.oversight.facts.PriorityService;
import uk.inspection.oversight.facts.QuadrantLabel;
import uk.inspection.oversight.facts.QuarterSummary;
import uk.inspection.oversight.facts.Reason;
import uk.inspection.oversight.facts.Recommendation;
import uk.inspection.oversight.facts.ServiceQuarter;
import uk.inspection.ratings.facts.Flag;
import uk.inspection.ratings.facts.Rejection;
import uk.inspection.ratings.facts.Trigger;
import uk.inspection.ruleset.Evaluation;
import uk.inspection.ruleset.RuleOutput;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetDefectException;
import uk.inspection.web.FieldProblem;
import uk.inspection.web.InvalidFactsException;

/** Recommends a quadrant for a service's quarter, or for every service of a quarter, with an oversight rule set. */
public final class Oversight {

    private Oversight() {}

    public static OversightResponse assess(RuleSet ruleSet, OversightRequest request) {
        List<FieldProblem> problems = OversightRequestValidator.validate(request, ruleSet.manifest(),
                OversightRequestValidator.Metrics.PERCENTILES, "");
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        return evaluate(ruleSet, request, "");
    }

    public static QuarterResponse quarter(RuleSet ruleSet, QuarterRequest request) {
        List<FieldProblem> problems = new ArrayList<>(OversightRequestValidator.validateQuarter(request.quarter()));
        for (int i = 0; i < request.services().size(); i++) {
            problems.addAll(OversightRequestValidator.validate(request.services().get(i), ruleSet.manifest(),
                    OversightRequestValidator.Metrics.RAW_VALUES, "services[" + i + "]."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        List<OversightRequest> ranked = QuarterRanking.rank(ruleSet, request.services());
        List<OversightResponse> results = new ArrayList<>();
        List<FieldProblem> rejected = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            try {
                results.add(evaluate(ruleSet, ranked.get(i), "services[" + i + "]."));
            } catch (InvalidFactsException e) {
                rejected.addAll(e.problems());
            }
        }
        if (!rejected.isEmpty()) {
            throw new InvalidFactsException(rejected);
        }
        return new QuarterResponse(ruleSet.id(), ruleSet.version(), request.quarter(), results,
                summary(ruleSet, request.quarter(), results));
    }

    private static QuarterResponse.Summary summary(RuleSet ruleSet, String quarter, List<OversightResponse> results) {
        Map<String, Integer> byQuadrant = new LinkedHashMap<>();
        ruleSet.manifest().vocabulary("currentQuadrant").orElse(List.of()).forEach(q -> byQuadrant.put(q, 0));
        results.forEach(r -> byQuadrant.merge(String.valueOf(r.quadrant()), 1, Integer::sum));
        int priority = (int) results.stream().filter(r -> Boolean.TRUE.equals(r.priorityService())).count();
        Evaluation evaluation = ruleSet.evaluate(List.of(new QuarterSummary(quarter, results.size(), priority)));
        List<Notice> flags = evaluation.outputs(Flag.class).stream().map(f -> new Notice(f.code(), f.message())).toList();
        return new QuarterResponse.Summary(results.size(), byQuadrant, priority, flags);
    }

    private static OversightResponse evaluate(RuleSet ruleSet, OversightRequest request, String prefix) {
        Evaluation evaluation = ruleSet.evaluate(facts(request));
        List<FieldProblem> rejected = evaluation.outputs(Rejection.class).stream()
                .map(r -> new FieldProblem(prefix + r.field(), r.message())).toList();
        if (!rejected.isEmpty()) {
            throw new InvalidFactsException(rejected);
        }
        Placement placement = single(ruleSet, evaluation, Placement.class, "quadrant");
        GrantCompliance compliance = single(ruleSet, evaluation, GrantCompliance.class, "grant compliance");
        return new OversightResponse(ruleSet.id(), ruleSet.version(), request.service(), request.quarter(),
                placement.quadrant(), single(ruleSet, evaluation, Recommendation.class, "recommendation").quadrant(),
                single(ruleSet, evaluation, QuadrantLabel.class, "label").label(),
                single(ruleSet, evaluation, PriorityService.class, "priority").priority(),
                single(ruleSet, evaluation, EscalationStage.class, "escalation stage").stage(),
                single(ruleSet, evaluation, OversightActions.class, "actions").codes(),
                map(evaluation, Reason.class, r -> new ReasonView(r.code(), r.quadrant(), r.message())),
                new GrantComplianceView(compliance.status(), compliance.failed(), compliance.missing()),
                map(evaluation, Trigger.class, t -> new Notice(t.code(), t.message())), evaluation.trace());
    }

    private static List<Object> facts(OversightRequest request) {
        List<Object> facts = new ArrayList<>();
        facts.add(new ServiceQuarter(request.service(), request.quarter(), request.region(), request.currentQuadrant(),
                request.youthJusticePlan(), request.standardsDelivery(),
                request.inspection() == null ? null : request.inspection().inspectorate(),
                request.inspection() == null ? null : request.inspection().overall(),
                request.ofstedChildrensSocialCare(),
                request.improvementPlan() == null ? null : request.improvementPlan().exitCriteriaMet()));
        request.metrics().forEach((kpi, metric) -> facts.add(new Metric(kpi, metric.nationalPercentile(),
                metric.previousNationalPercentiles())));
        request.concerns().stream().distinct().forEach(code -> facts.add(new Concern(code)));
        if (request.grantConditions() != null) {
            request.grantConditions().forEach((ref, answer) -> facts.add(new GrantAnswer(ref, answer)));
        }
        return facts;
    }

    private static <T extends RuleOutput> T single(RuleSet ruleSet, Evaluation evaluation, Class<T> type, String what) {
        List<T> outputs = evaluation.outputs(type);
        if (outputs.size() != 1) {
            throw new RuleSetDefectException(ruleSet.id() + ": " + outputs.size() + " rules decided the " + what
                    + " where exactly one should: " + outputs);
        }
        return outputs.get(0);
    }

    private static <T extends RuleOutput, V> List<V> map(Evaluation evaluation, Class<T> type, Function<T, V> view) {
        return evaluation.outputs(type).stream().map(view).toList();
    }
}
