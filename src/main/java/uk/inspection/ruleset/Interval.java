package uk.inspection.ruleset;

import java.math.BigDecimal;

/**
 * A range of a number, either end open (null) or closed, as a decision table row's bounds
 * make it.
 */
record Interval(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded) {

    static final Interval ALL = new Interval(null, false, null, false);

    static Interval closed(BigDecimal low, BigDecimal high) {
        return new Interval(low, true, high, true);
    }

    /**
     * This interval narrowed by one bound, as a condition {@code field OP value} narrows
     * it.
     */
    Interval bounded(String operator, BigDecimal value) {
        return switch (operator) {
            case ">=" -> new Interval(value, true, high, highIncluded);
            case ">" -> new Interval(value, false, high, highIncluded);
            case "<=" -> new Interval(low, lowIncluded, value, true);
            case "<" -> new Interval(low, lowIncluded, value, false);
            default -> throw new IllegalArgumentException(operator);
        };
    }

    boolean isEmpty() {
        if (low == null || high == null) {
            return false;
        }
        int order = low.compareTo(high);
        return order > 0 || order == 0 && !(lowIncluded && highIncluded);
    }

    /** The part of this interval inside another. */
    Interval within(Interval outer) {
        BigDecimal newLow = low;
        boolean newLowIncluded = lowIncluded;
        if (low == null || outer.low != null && outer.low.compareTo(low) > 0) {
            newLow = outer.low;
            newLowIncluded = outer.lowIncluded;
        }
        else if (outer.low != null && outer.low.compareTo(low) == 0) {
            newLowIncluded = lowIncluded && outer.lowIncluded;
        }
        BigDecimal newHigh = high;
        boolean newHighIncluded = highIncluded;
        if (high == null || outer.high != null && outer.high.compareTo(high) < 0) {
            newHigh = outer.high;
            newHighIncluded = outer.highIncluded;
        }
        else if (outer.high != null && outer.high.compareTo(high) == 0) {
            newHighIncluded = highIncluded && outer.highIncluded;
        }
        return new Interval(newLow, newLowIncluded, newHigh, newHighIncluded);
    }

    @Override
    public String toString() {
        return (low == null ? "below " : plain(low)) + (low != null && high != null ? "–" : "")
                + (high == null ? " and above" : plain(high));
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
