package uk.inspection.ratings.facts;

import uk.inspection.engine.RuleOutput;

/**
 * The ratings panel's overall rating where it departs from the scoring rule, with the
 * computed rating and its reason.
 */
public record OverallDeparture(String rating, String computedRating, String reason) implements RuleOutput {

    @Override
    public String subject() {
        return "overall";
    }
}
