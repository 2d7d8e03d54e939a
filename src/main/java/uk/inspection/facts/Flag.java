package uk.inspection.facts;

import uk.inspection.engine.RuleOutput;

/**
 * Something the rules draw to the panel's attention, such as a total close to a
 * threshold.
 */
public record Flag(String code, String message) implements RuleOutput {

    @Override
    public String subject() {
        return "flags." + code;
    }
}
