package uk.inspection.oversight.facts;

import uk.inspection.engine.RuleOutput;

/** The quadrant the service is placed in. */
public record Placement(int quadrant) implements RuleOutput {

    @Override
    public String subject() {
        return "quadrant";
    }
}
