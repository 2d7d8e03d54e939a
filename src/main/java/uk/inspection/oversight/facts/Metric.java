package uk.inspection.oversight.facts;

import java.util.List;

/**
 * A KPI's national percentile this quarter (100 = best) and in earlier quarters, oldest
 * first.
 */
public record Metric(String kpi, double nationalPercentile, List<Double> previousNationalPercentiles) {

    public Metric {
        previousNationalPercentiles = previousNationalPercentiles == null ? List.of()
                : List.copyOf(previousNationalPercentiles);
    }

    /** A percentile for people: "12th", "1st", "49.5th". */
    public static String ordinal(double percentile) {
        if (percentile != Math.rint(percentile)) {
            return java.math.BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString() + "th";
        }
        long whole = (long) percentile;
        String suffix = whole % 100 >= 11 && whole % 100 <= 13 ? "th" : switch ((int) (whole % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return whole + suffix;
    }

    /** Last quarter's percentile, or null when none is given. */
    public Double lastPrevious() {
        return previousNationalPercentiles.isEmpty() ? null
                : previousNationalPercentiles.get(previousNationalPercentiles.size() - 1);
    }

    /**
     * How far the percentile fell since last quarter (negative when it rose); 0 when
     * there is no last quarter.
     */
    public double dropSinceLastQuarter() {
        Double last = lastPrevious();
        return last == null ? 0 : last - nationalPercentile;
    }

    /**
     * True when this quarter and the quarters before it, {@code quarters} in all, were at
     * or below the percentile.
     */
    public boolean atOrBelowFor(int percentile, int quarters) {
        if (quarters < 1 || previousNationalPercentiles.size() < quarters - 1 || nationalPercentile > percentile) {
            return false;
        }
        List<Double> earlier = previousNationalPercentiles.subList(previousNationalPercentiles.size() - (quarters - 1),
                previousNationalPercentiles.size());
        return earlier.stream().allMatch(p -> p <= percentile);
    }
}
