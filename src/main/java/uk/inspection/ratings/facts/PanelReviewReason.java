package uk.inspection.ratings.facts;

import uk.inspection.engine.RuleOutput;

/**
 * One reason the ratings panel should look at departing from the scoring rule; the rules
 * combine them into a flag.
 */
public record PanelReviewReason(String reason) implements RuleOutput {

    @Override
    public String subject() {
        return "flags.PANEL_REVIEW_ADVISED.reason";
    }
}
