package uk.inspection.ratings.facts;

import java.util.Map;

import uk.inspection.engine.RuleOutput;

/**
 * The rating a total falls in; for one choice of a pending standard when {@code choices}
 * is not empty, and for a probe (see {@link OverallScore}) when {@code probeOffset} is
 * set.
 */
public record OverallRating(Map<String, String> choices, int total, String rating,
        Integer probeOffset) implements RuleOutput {

    public OverallRating {
        choices = Map.copyOf(choices);
    }

    public static OverallRating of(OverallScore score, String rating) {
        return new OverallRating(score.choices(), score.total(), rating, score.probeOffset());
    }

    /** The rating of the decided total: no pending choice, not a probe. */
    public boolean isDecided() {
        return choices.isEmpty() && probeOffset == null;
    }

    public boolean isProbe() {
        return probeOffset != null;
    }

    @Override
    public String subject() {
        return subjectOf(choices, probeOffset);
    }

    static String subjectOf(Map<String, String> choices, Integer probeOffset) {
        String subject = choices.isEmpty() ? "overall" : "overall.options" + choices;
        return probeOffset == null ? subject : subject + ".probe[" + (probeOffset > 0 ? "+" : "") + probeOffset + "]";
    }
}
