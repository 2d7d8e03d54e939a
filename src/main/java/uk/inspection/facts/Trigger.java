package uk.inspection.facts;

import uk.inspection.engine.RuleOutput;

/** A consequence the rules raise, such as a reactive inspection to consider. */
public record Trigger(String code, String message) implements RuleOutput {

    @Override
    public String subject() {
        return "triggers." + code;
    }
}
