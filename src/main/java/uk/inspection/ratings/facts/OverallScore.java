package uk.inspection.ratings.facts;

import uk.inspection.ruleset.RuleOutput;

import java.util.Map;

/**
 * A total of the standards' scores. {@code choices} is empty for the decided total; while a
 * standard awaits the panel there is one total per permitted choice, naming the choice.
 */
public record OverallScore(Map<String, String> choices, int total) implements RuleOutput {

    public OverallScore {
        choices = Map.copyOf(choices);
    }

    @Override
    public String subject() {
        return choices.isEmpty() ? "overall.score" : "overall.options" + choices + ".score";
    }
}
