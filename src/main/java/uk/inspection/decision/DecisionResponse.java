package uk.inspection.decision;

/**
 * What every kind's answer carries: the rule set and version that decided it. (Its
 * {@code decisionId}, the id it was recorded under, is added to the JSON answered, not to
 * the value: the record keeps the answer as written, without it.)
 */
public interface DecisionResponse {

    String ruleset();

    String rulesetVersion();

}
