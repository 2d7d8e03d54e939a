package uk.inspection.oversight.facts;

import uk.inspection.engine.RuleOutput;

/**
 * One condition of the youth justice core grant (Annex C), as the rule set's table lists
 * it.
 */
public record GrantConditionDefinition(int number, String ref, String area, String wording,
        boolean naAllowed) implements RuleOutput {

    @Override
    public String subject() {
        return "grantConditions." + ref;
    }
}
