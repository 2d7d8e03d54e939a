package uk.inspection.ratings.facts;

import java.time.LocalDate;

import uk.inspection.engine.RuleOutput;

/**
 * A date of the decision and report timeline; a dotted name
 * ("reactiveInspectionWindow.from") nests in the response.
 */
public record TimelineDate(String step, LocalDate date) implements RuleOutput {

    @Override
    public String subject() {
        return "timeline." + step;
    }
}
