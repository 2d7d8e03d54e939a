package uk.inspection.engine;

import java.time.Duration;

/**
 * What one evaluation may take: a deadline, at which the engine halts the rules between
 * two firings, and a number of firings past which a rule loops. A rule set that exceeds
 * either is defective.
 */
public record EvaluationLimits(Duration deadline, int maxFirings) {

    /** Well above the ~0.1 ms a rating takes and the ~20 rules it fires. */
    public static final EvaluationLimits DEFAULTS = new EvaluationLimits(Duration.ofMillis(500), 10_000);

    public EvaluationLimits {
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the evaluation deadline must be positive, not " + deadline);
        }
        if (maxFirings < 1) {
            throw new IllegalArgumentException("the firing limit must be at least 1, not " + maxFirings);
        }
    }
}
