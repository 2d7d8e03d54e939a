package uk.inspection.oversight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import uk.inspection.ruleset.Manifest;
import uk.inspection.problem.FieldProblem;

/**
 * Checks a service's quarter against the oversight rule set's manifest: codes against its
 * vocabularies, ratings against its scale, percentiles within 0–100. Which KPIs and grant
 * conditions exist, and where N/A is allowed, is for the rules.
 */
final class OversightRequestValidator {

    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    /**
     * Whether metrics carry national percentiles (one assessment) or raw values (a
     * quarter to rank).
     */
    enum Metrics {

        PERCENTILES, RAW_VALUES

    }

    private final Manifest manifest;

    private final String prefix;

    private final List<FieldProblem> problems = new ArrayList<>();

    private OversightRequestValidator(Manifest manifest, String prefix) {
        this.manifest = manifest;
        this.prefix = prefix;
    }

    static List<FieldProblem> validate(OversightRequest request, Manifest manifest, Metrics metrics, String prefix) {
        OversightRequestValidator validator = new OversightRequestValidator(manifest, prefix);
        if (request == null) {
            validator.problem("", "must be an object describing a service's quarter");
            return validator.problems;
        }
        validator.check(request, metrics);
        return List.copyOf(validator.problems);
    }

    /**
     * The batch as a whole: its quarter, and each service once, in that quarter (a
     * service named twice, or from another quarter, would skew every other service's
     * national ranking).
     */
    static List<FieldProblem> validateQuarter(QuarterRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String quarter = request.quarter();
        if (quarter != null && !QUARTER.matcher(quarter).matches()) {
            problems.add(new FieldProblem("quarter", "'" + quarter + "' is not a quarter: YYYY-Qn, n from 1 to 4"));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < request.services().size(); i++) {
            OversightRequest service = request.services().get(i);
            if (service == null) {
                continue;
            }
            if (service.service() != null) {
                Integer first = firstIndex.putIfAbsent(service.service(), i);
                if (first != null) {
                    problems.add(new FieldProblem("services[" + i + "].service",
                            "'" + service.service() + "' is already services[" + first + "]; give each service once"));
                }
            }
            if (service.quarter() != null && !service.quarter().equals(quarter)) {
                problems.add(new FieldProblem("services[" + i + "].quarter",
                        "'" + service.quarter() + "' is not the batch's quarter "
                                + (quarter == null ? "(none given)" : quarter)
                                + ": a quarter is ranked among services of the same quarter"));
            }
        }
        return problems;
    }

    private void check(OversightRequest request, Metrics metrics) {
        if (request.quarter() != null && !QUARTER.matcher(request.quarter()).matches()) {
            problem("quarter", "'" + request.quarter() + "' is not a quarter: YYYY-Qn, n from 1 to 4");
        }
        vocabulary("region", "region", request.region());
        vocabulary("currentQuadrant", "currentQuadrant",
                request.currentQuadrant() == null ? null : String.valueOf(request.currentQuadrant()));
        vocabulary("youthJusticePlan", "youthJusticePlan", request.youthJusticePlan());
        rating("standardsDelivery", request.standardsDelivery());
        rating("ofstedChildrensSocialCare", request.ofstedChildrensSocialCare());
        if (request.inspection() != null) {
            vocabulary("inspection.inspectorate", "inspectorate", request.inspection().inspectorate());
            rating("inspection.overall", request.inspection().overall());
        }
        for (int i = 0; i < request.concerns().size(); i++) {
            String concern = request.concerns().get(i);
            if (concern == null) {
                problem("concerns[" + i + "]", "must be a concern code");
            }
            else {
                vocabulary("concerns[" + i + "]", "concerns", concern);
            }
        }
        request.metrics().forEach((kpi, metric) -> metric(kpi, metric, metrics));
    }

    private void metric(String kpi, OversightRequest.MetricInput metric, Metrics metrics) {
        String field = "metrics." + kpi;
        if (metric == null) {
            problem(field, "must be an object");
            return;
        }
        if (metrics == Metrics.PERCENTILES) {
            if (metric.value() != null || metric.previousValue() != null) {
                problem(field, "give nationalPercentile (and previousNationalPercentiles); raw values are ranked only"
                        + " by POST /api/v1/oversight/quarters");
            }
            if (metric.nationalPercentile() == null) {
                problem(field + ".nationalPercentile", "is required: 0 to 100, 100 the best in the country");
            }
            else {
                percentile(field + ".nationalPercentile", metric.nationalPercentile());
            }
            List<Double> previous = metric.previousNationalPercentiles();
            for (int i = 0; i < previous.size(); i++) {
                percentile(field + ".previousNationalPercentiles[" + i + "]", previous.get(i));
            }
        }
        else {
            if (metric.nationalPercentile() != null || !metric.previousNationalPercentiles().isEmpty()) {
                problem(field, "give the raw value (and previousValue): the quarter is ranked nationally here");
            }
            if (metric.value() == null) {
                problem(field + ".value", "is required: the KPI's raw value this quarter");
            }
        }
    }

    private void percentile(String field, Double value) {
        if (value == null || !(value >= 0 && value <= 100)) {
            problem(field, "must be between 0 and 100, not " + value);
        }
    }

    private void vocabulary(String field, String vocabulary, String value) {
        List<String> allowed = manifest.vocabulary(vocabulary).orElse(List.of());
        if (value != null && !allowed.contains(value)) {
            problem(field, "'" + value + "' is not one of " + String.join(", ", allowed));
        }
    }

    private void rating(String field, String value) {
        List<String> scale = manifest.ratingScale().stream().map(Manifest.ScaleStep::code).toList();
        if (value != null && !scale.contains(value)) {
            problem(field, "'" + value + "' is not a rating: one of " + String.join(", ", scale));
        }
    }

    private void problem(String field, String message) {
        problems.add(new FieldProblem(field.isEmpty() ? prefix.replaceAll("\\.$", "") : prefix + field, message));
    }

}
