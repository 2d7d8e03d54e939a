package uk.inspection.oversight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import uk.inspection.decision.DecisionPipeline;
import uk.inspection.engine.Evaluation;
import uk.inspection.engine.LoadProblem;
import uk.inspection.oversight.OversightRequest.ImprovementPlanInput;
import uk.inspection.oversight.OversightRequest.InspectionInput;
import uk.inspection.oversight.OversightRequest.MetricInput;
import uk.inspection.oversight.facts.GrantConditionDefinition;
import uk.inspection.oversight.facts.KpiDefinition;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;

/**
 * The oversight gate, as {@code CoverageCheck} is the ratings one: before an oversight
 * rule set is served, a service's quarter is assessed along every path a request can
 * take, one change at a time from a plain quarter: every KPI at the 0th, 50th and 100th
 * percentile, each region, current quadrant (with and without the exit criteria met),
 * plan, rating and concern, each grant condition answered NO (and N/A where allowed), no
 * metrics, no grant answers; and a small quarter ranked nationally. Each must be decided;
 * rules that run away are reported at the rule's own file and line.
 */
final class OversightCoverageCheck {

    private final AssessmentKind assessment;

    private final QuarterKind quarter;

    OversightCoverageCheck(AssessmentKind assessment, QuarterKind quarter) {
        this.assessment = assessment;
        this.quarter = quarter;
    }

    List<LoadProblem> check(RuleSet ruleSet) {
        Manifest manifest = ruleSet.manifest();
        Evaluation reference = ruleSet.evaluate(List.of());
        if (reference instanceof Evaluation.Failed) {
            // One runaway verdict may be a cold JVM: the rules fail only if they fail
            // again.
            reference = ruleSet.evaluate(List.of());
        }
        if (reference instanceof Evaluation.Failed failed) {
            return List.of(where(ruleSet, Failure.runaway(failed.message(), failed.culprit()), "no facts at all"));
        }
        Evaluation.Completed tables = (Evaluation.Completed) reference;
        List<String> kpis = tables.outputs(KpiDefinition.class).stream().map(KpiDefinition::code).toList();
        List<GrantConditionDefinition> grants = tables.outputs(GrantConditionDefinition.class);
        Quarter plain = Quarter.plain(manifest, kpis, grants);
        Gate gate = new Gate(ruleSet);
        for (double percentile : new double[] { 0, 50, 100 }) {
            gate.assess("every KPI at the " + (int) percentile + "th percentile",
                    plain.metrics(kpis, percentile).request());
        }
        for (String region : vocabulary(manifest, "region")) {
            gate.assess("region " + region, plain.with(q -> q.region = region).request());
        }
        for (String quadrant : vocabulary(manifest, "currentQuadrant")) {
            for (boolean met : new boolean[] { true, false }) {
                gate.assess("current quadrant " + quadrant + (met ? " with" : " without") + " the exit criteria met",
                        plain.with(q -> {
                            q.currentQuadrant = Integer.valueOf(quadrant);
                            q.exitCriteriaMet = met;
                        }).request());
            }
        }
        for (String plan : vocabulary(manifest, "youthJusticePlan")) {
            gate.assess("a " + plan + " plan", plain.with(q -> q.plan = plan).request());
        }
        for (Manifest.ScaleStep step : manifest.ratingScale()) {
            String rating = step.code();
            gate.assess("standards delivery " + rating, plain.with(q -> q.delivery = rating).request());
            gate.assess("an inspection rated " + rating, plain.with(q -> q.inspection = rating).request());
            gate.assess("Ofsted " + rating, plain.with(q -> q.ofsted = rating).request());
        }
        for (String concern : vocabulary(manifest, "concerns")) {
            gate.assess("the concern " + concern, plain.with(q -> q.concerns = List.of(concern)).request());
        }
        gate.assess("every concern", plain.with(q -> q.concerns = vocabulary(manifest, "concerns")).request());
        for (GrantConditionDefinition grant : grants) {
            gate.assess("grant condition " + grant.ref() + " not met",
                    plain.with(q -> q.grants.put(grant.ref(), "NO")).request());
            if (grant.naAllowed()) {
                gate.assess("grant condition " + grant.ref() + " not applicable",
                        plain.with(q -> q.grants.put(grant.ref(), "N/A")).request());
            }
        }
        gate.assess("no metrics", plain.metrics(List.of(), 0).request());
        gate.assess("no grant answers", plain.with(q -> q.grants = null).request());
        quarter(ruleSet, plain, kpis, gate);
        return gate.found;
    }

    /** Three services with raw values, ranked against each other and summarised. */
    private void quarter(RuleSet ruleSet, Quarter plain, List<String> kpis, Gate gate) {
        List<OversightRequest> services = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, MetricInput> raw = new LinkedHashMap<>();
            for (String kpi : kpis) {
                raw.put(kpi, new MetricInput(null, null, (double) i, (double) (4 - i)));
            }
            int n = i;
            services.add(plain.with(q -> q.service = "coverage check " + n).request().withMetrics(raw));
        }
        gate.decided("a quarter of three services", () -> DecisionPipeline.decide(quarter, ruleSet,
                new QuarterRequest(plain.quarter, services), RequestLimits.DEFAULTS));
    }

    /**
     * The problems found so far; after rules that ran away, nothing more is assessed (the
     * version is refused, and each further path could take the whole deadline).
     */
    private final class Gate {

        private final RuleSet ruleSet;

        private final List<LoadProblem> found = new ArrayList<>();

        private boolean ranAway;

        Gate(RuleSet ruleSet) {
            this.ruleSet = ruleSet;
        }

        void assess(String what, OversightRequest request) {
            decided("a quarter with " + what,
                    () -> DecisionPipeline.decide(assessment, ruleSet, request, RequestLimits.DEFAULTS));
        }

        <T> void decided(String what, Supplier<Decision<T>> decide) {
            if (ranAway) {
                return;
            }
            if (Decision.confirmed(decide) instanceof Decision.Refused<T> refused) {
                found.add(where(ruleSet, refused.failure(), what));
                ranAway = refused.failure().isRunaway();
            }
        }

    }

    /**
     * A refusal as a load problem: at the rule to blame when the rules ran away, else at
     * the manifest.
     */
    static LoadProblem where(RuleSet ruleSet, Failure failure, String what) {
        String message = "the rules do not decide " + what + ": " + failure.detail()
                + (failure.errors().isEmpty() ? "" : " " + failure.errors());
        if (failure.isRunaway() && failure.culprit().file() != null) {
            return failure.culprit().problem(message);
        }
        return LoadProblem.inFile("rules/" + ruleSet.id() + "/framework.yaml", message);
    }

    private static List<String> vocabulary(Manifest manifest, String field) {
        return manifest.vocabulary(field).orElse(List.of());
    }

    /** A plain service's quarter, changed one part at a time. */
    private static final class Quarter implements Cloneable {

        String service = "coverage check";

        String quarter = "2025-Q2";

        String region;

        Integer currentQuadrant;

        Boolean exitCriteriaMet;

        Map<String, MetricInput> metrics = new LinkedHashMap<>();

        String plan;

        String delivery;

        String inspectorate;

        String inspection;

        String ofsted;

        List<String> concerns = List.of();

        Map<String, String> grants = new LinkedHashMap<>();

        static Quarter plain(Manifest manifest, List<String> kpis, List<GrantConditionDefinition> grants) {
            Quarter plain = new Quarter().metrics(kpis, 50);
            List<String> regions = vocabulary(manifest, "region");
            plain.region = regions.isEmpty() ? null : regions.get(0);
            List<String> inspectorates = vocabulary(manifest, "inspectorate");
            plain.inspectorate = inspectorates.isEmpty() ? null : inspectorates.get(0);
            grants.forEach(grant -> plain.grants.put(grant.ref(), "YES"));
            return plain;
        }

        Quarter metrics(List<String> kpis, double percentile) {
            return with(q -> {
                q.metrics = new LinkedHashMap<>();
                kpis.forEach(kpi -> q.metrics.put(kpi, new MetricInput(percentile, List.of(percentile), null, null)));
            });
        }

        Quarter with(java.util.function.Consumer<Quarter> change) {
            Quarter copy;
            try {
                copy = (Quarter) clone();
            }
            catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
            copy.grants = grants == null ? null : new LinkedHashMap<>(grants);
            change.accept(copy);
            return copy;
        }

        OversightRequest request() {
            return new OversightRequest(service, quarter, region, currentQuadrant, metrics, plan, delivery, grants,
                    inspection == null ? null : new InspectionInput(inspectorate, inspection), ofsted, concerns,
                    exitCriteriaMet == null ? null : new ImprovementPlanInput(exitCriteriaMet));
        }

    }

}
