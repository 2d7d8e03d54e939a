package uk.inspection.followup.facts;

import uk.inspection.engine.RuleOutput;

/**
 * The action plan answering the report's recommendations: who prepares it and with whom,
 * where it is published, how it is followed up.
 */
public record ActionPlan(String preparedBy, String preparedByName, String with, String publishedOn,
        String followUp) implements RuleOutput {

    public static ActionPlan of(ReportKind kind) {
        return new ActionPlan(kind.preparedBy(), kind.preparedByName(), kind.with(), kind.publishedOn(),
                kind.followUp());
    }

    @Override
    public String subject() {
        return "actionPlan";
    }
}
