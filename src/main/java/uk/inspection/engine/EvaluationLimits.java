package uk.inspection.engine;

import java.time.Duration;

/**
 * What one evaluation may take: a deadline, at which the engine stops the rules; a number
 * of firings past which a rule loops; the longest text or collection a rule may make
 * (characters or elements); and the memory the evaluation may allocate. A rule set that
 * exceeds any is defective.
 */
public record EvaluationLimits(Duration deadline, int maxFirings, int maxValueLength, long maxAllocatedBytes) {

    /**
     * Well above the ~0.1 ms a rating takes, the ~20 rules it fires, the few hundred
     * characters of the longest reason a shipped rule writes, and the ~6 MB the heaviest
     * shipped evaluation allocated over the fixtures (docs/security.md).
     */
    public static final EvaluationLimits DEFAULTS = new EvaluationLimits(Duration.ofMillis(500), 10_000, 20_000,
            64L * 1024 * 1024);

    public EvaluationLimits {
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the evaluation deadline must be positive, not " + deadline);
        }
        if (maxFirings < 1) {
            throw new IllegalArgumentException("the firing limit must be at least 1, not " + maxFirings);
        }
        if (maxValueLength < 1) {
            throw new IllegalArgumentException(
                    "the longest value a rule makes must be at least 1, not " + maxValueLength);
        }
        if (maxAllocatedBytes < 1) {
            throw new IllegalArgumentException(
                    "the memory an evaluation allocates must be at least 1 byte, not " + maxAllocatedBytes);
        }
    }

    /** A deadline and a firing limit, with the default limits on values and memory. */
    public EvaluationLimits(Duration deadline, int maxFirings) {
        this(deadline, maxFirings, DEFAULTS.maxValueLength(), DEFAULTS.maxAllocatedBytes());
    }
}
