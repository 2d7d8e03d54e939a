package uk.inspection.ratings.facts;

import uk.inspection.engine.RuleOutput;

/**
 * Why the overall rating cannot be given (for example a core standard is not applicable).
 */
public record OverallIncomplete(String reason) implements RuleOutput {

    @Override
    public String subject() {
        return "overall";
    }
}
