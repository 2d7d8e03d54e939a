package uk.inspection.oversight.facts;

import uk.inspection.engine.RuleOutput;

public record PriorityService(boolean priority) implements RuleOutput {

    @Override
    public String subject() {
        return "priorityService";
    }
}
