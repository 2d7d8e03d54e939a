package uk.inspection.followup.facts;

import java.time.LocalDate;

import uk.inspection.engine.RuleOutput;

/** A date the follow-up is due by ({@code actionPlan}, {@code progressUpdate}, ...). */
public record DueDate(String step, LocalDate date) implements RuleOutput {

    @Override
    public String subject() {
        return "actionPlan.due." + step;
    }
}
