package uk.inspection.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A random but reproducible quarter of youth justice services, with raw KPI values, for
 * the quarter endpoint.
 */
public final class QuarterGenerator {

    private static final List<String> KPIS = List.of("FIRST_TIME_ENTRANTS", "REOFFENDING_BINARY",
            "REOFFENDING_FREQUENCY", "CUSTODY", "ACCOMMODATION", "EDUCATION_TRAINING_EMPLOYMENT", "SEND_ALN",
            "MENTAL_HEALTH", "SUBSTANCE_MISUSE", "OUT_OF_COURT_DISPOSALS", "MANAGEMENT_BOARD_ATTENDANCE",
            "LINKS_TO_WIDER_SERVICES", "SERIOUS_VIOLENCE", "VICTIMS");

    private static final List<String> REGIONS = List.of("NORTH_OF_ENGLAND", "SOUTH_OF_ENGLAND", "WALES");

    private static final List<String> RATINGS = List.of("INADEQUATE", "REQUIRES_IMPROVEMENT", "GOOD", "OUTSTANDING");

    private static final List<String> GRANT = List.of("G&L1", "G&L2", "G&L3", "G&L4", "SD1", "SD2", "SD3", "SD4", "SD5",
            "SD6", "D1", "D2", "D3", "R1", "R2", "R3", "R4");

    private QuarterGenerator() {
    }

    public static Map<String, Object> quarter(int services, long seed) {
        Random random = new Random(seed);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("service", "Service " + (i + 1));
            service.put("region", REGIONS.get(random.nextInt(REGIONS.size())));
            service.put("currentQuadrant", 1 + random.nextInt(4));
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (String kpi : KPIS) {
                double value = Math.round(random.nextDouble() * 1000) / 10.0;
                metrics.put(kpi,
                        Map.of("value", value, "previousValue", Math.round(random.nextDouble() * 1000) / 10.0));
            }
            service.put("metrics", metrics);
            service.put("youthJusticePlan", List.of("STRONG", "ADEQUATE", "WEAK").get(random.nextInt(3)));
            service.put("standardsDelivery", RATINGS.get(random.nextInt(4)));
            Map<String, String> grant = new LinkedHashMap<>();
            GRANT.forEach(ref -> grant.put(ref, random.nextInt(20) == 0 ? "NO" : "YES"));
            service.put("grantConditions", grant);
            service.put("inspection", Map.of("inspectorate", "HMIP", "overall", RATINGS.get(random.nextInt(4))));
            if (random.nextInt(5) == 0) {
                service.put("concerns",
                        List.of(random.nextBoolean() ? "OVERSIGHT_FIELD_CONCERN" : "MILESTONES_OFF_TRACK"));
            }
            service.put("improvementPlan", Map.of("exitCriteriaMet", random.nextBoolean()));
            list.add(service);
        }
        return Map.of("quarter", "2025-Q2", "services", list);
    }

}
