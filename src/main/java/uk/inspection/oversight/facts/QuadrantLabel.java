package uk.inspection.oversight.facts;

import uk.inspection.engine.RuleOutput;

public record QuadrantLabel(String label) implements RuleOutput {

    @Override
    public String subject() {
        return "label";
    }
}
