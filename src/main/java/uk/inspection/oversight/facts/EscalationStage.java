package uk.inspection.oversight.facts;

import uk.inspection.engine.RuleOutput;

public record EscalationStage(String stage) implements RuleOutput {

    @Override
    public String subject() {
        return "escalationStage";
    }
}
