package uk.inspection.ratings.facts;

import uk.inspection.ruleset.RuleOutput;

import java.util.Map;

/** The rating a total falls in; for one choice of a pending standard when {@code choices} is not empty. */
public record OverallRating(Map<String, String> choices, int total, String rating) implements RuleOutput {

    public OverallRating {
        choices = Map.copyOf(choices);
    }

    public static OverallRating of(OverallScore score, String rating) {
        return new OverallRating(score.choices(), score.total(), rating);
    }

    @Override
    public String subject() {
        return choices.isEmpty() ? "overall" : "overall.options" + choices + ".rating";
    }
}
