package uk.inspection.facts;

import uk.inspection.engine.RuleOutput;

/**
 * Facts the rules cannot accept, such as a panel choice outside the permitted ratings;
 * answered with 422.
 */
public record Rejection(String field, String message) implements RuleOutput {

    @Override
    public String subject() {
        return field;
    }
}
