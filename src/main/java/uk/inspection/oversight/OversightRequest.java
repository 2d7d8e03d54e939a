package uk.inspection.oversight;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's quarter (docs/api.md, oversight). In a single assessment each metric
 * carries national percentiles; in a quarter batch it carries raw values, which the
 * service ranks nationally.
 */
public record OversightRequest(String service, String quarter, String region, Integer currentQuadrant,
        Map<String, MetricInput> metrics, String youthJusticePlan, String standardsDelivery,
        Map<String, String> grantConditions, InspectionInput inspection, String ofstedChildrensSocialCare,
        List<String> concerns, ImprovementPlanInput improvementPlan) {

    public OversightRequest {
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        grantConditions = grantConditions == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(grantConditions));
        concerns = concerns == null ? List.of() : concerns.stream().toList();
    }

    public record MetricInput(Double nationalPercentile, List<Double> previousNationalPercentiles, Double value,
            Double previousValue) {
        public MetricInput {
            previousNationalPercentiles = previousNationalPercentiles == null ? List.of()
                    : previousNationalPercentiles.stream().toList();
        }
    }

    public record InspectionInput(String inspectorate, String overall) {
    }

    public record ImprovementPlanInput(Boolean exitCriteriaMet) {
    }

    /** The same request with ranked metrics in place of raw values. */
    OversightRequest withMetrics(Map<String, MetricInput> ranked) {
        return new OversightRequest(service, quarter, region, currentQuadrant, ranked, youthJusticePlan,
                standardsDelivery, grantConditions, inspection, ofstedChildrensSocialCare, concerns, improvementPlan);
    }
}
