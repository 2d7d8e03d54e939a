package uk.inspection.oversight;

import java.util.ArrayList;
import java.util.List;

import uk.inspection.oversight.facts.Concern;
import uk.inspection.oversight.facts.GrantAnswer;
import uk.inspection.oversight.facts.Metric;
import uk.inspection.oversight.facts.ServiceQuarter;

/** Turns a validated service's quarter into the facts the oversight rules reason over. */
final class OversightFacts {

    private OversightFacts() {
    }

    static List<Object> of(OversightRequest request) {
        List<Object> facts = new ArrayList<>();
        facts.add(new ServiceQuarter(request.service(), request.quarter(), request.region(), request.currentQuadrant(),
                request.youthJusticePlan(), request.standardsDelivery(),
                request.inspection() == null ? null : request.inspection().inspectorate(),
                request.inspection() == null ? null : request.inspection().overall(),
                request.ofstedChildrensSocialCare(),
                request.improvementPlan() == null ? null : request.improvementPlan().exitCriteriaMet()));
        request.metrics()
            .forEach((kpi, metric) -> facts
                .add(new Metric(kpi, metric.nationalPercentile(), metric.previousNationalPercentiles())));
        request.concerns().stream().distinct().forEach(code -> facts.add(new Concern(code)));
        if (request.grantConditions() != null) {
            request.grantConditions().forEach((ref, answer) -> facts.add(new GrantAnswer(ref, answer)));
        }
        return facts;
    }

}
