package uk.inspection.oversight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.inspection.decision.Rules;
import uk.inspection.oversight.OversightRequest.MetricInput;
import uk.inspection.oversight.facts.KpiDefinition;

/**
 * Ranks a quarter's raw KPI values nationally into percentiles, 100 the best, in the
 * direction the rule set gives each KPI. A service's percentile is the share of the other
 * services that do worse, counting ties as half: 100 × (worse + ties / 2) / (n − 1);
 * alone, a service is at the 50th. Last quarter's values are ranked the same way, among
 * the services that give one.
 */
final class QuarterRanking {

    private QuarterRanking() {
    }

    static List<OversightRequest> rank(Rules rules, List<OversightRequest> services) {
        Map<String, Boolean> higherIsBetter = new HashMap<>();
        rules.completed(List.of())
            .outputs(KpiDefinition.class)
            .forEach(kpi -> higherIsBetter.put(kpi.code(), kpi.higherIsBetter()));
        List<Map<String, MetricInput>> ranked = new ArrayList<>();
        services.forEach(s -> ranked.add(new LinkedHashMap<>()));
        services.stream().flatMap(s -> s.metrics().keySet().stream()).distinct().forEach(kpi -> {
            Boolean higher = higherIsBetter.get(kpi);
            List<Double> now = new ArrayList<>();
            List<Double> before = new ArrayList<>();
            for (OversightRequest service : services) {
                MetricInput metric = service.metrics().get(kpi);
                now.add(metric == null ? null : oriented(metric.value(), higher));
                before.add(metric == null ? null : oriented(metric.previousValue(), higher));
            }
            for (int i = 0; i < services.size(); i++) {
                MetricInput metric = services.get(i).metrics().get(kpi);
                if (metric != null) {
                    // An unknown KPI stays unranked here and is refused, by field, by the
                    // rules.
                    Double percentile = higher == null ? 0.0 : percentile(now, i);
                    Double previous = higher == null ? null : percentile(before, i);
                    ranked.get(i)
                        .put(kpi, new MetricInput(percentile, previous == null ? List.of() : List.of(previous), null,
                                null));
                }
            }
        });
        List<OversightRequest> result = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            result.add(services.get(i).withMetrics(ranked.get(i)));
        }
        return result;
    }

    private static Double oriented(Double value, Boolean higherIsBetter) {
        return value == null || higherIsBetter == null ? null : higherIsBetter ? value : -value;
    }

    static Double percentile(List<Double> values, int index) {
        Double mine = values.get(index);
        if (mine == null) {
            return null;
        }
        int others = 0;
        double worse = 0;
        for (int j = 0; j < values.size(); j++) {
            Double other = values.get(j);
            if (j == index || other == null) {
                continue;
            }
            others++;
            // Primitive comparison: 0.0 and -0.0 tie (Double.equals tells them apart).
            double o = other;
            double m = mine;
            worse += o < m ? 1 : o == m ? 0.5 : 0;
        }
        return others == 0 ? 50.0 : 100.0 * worse / others;
    }

}
