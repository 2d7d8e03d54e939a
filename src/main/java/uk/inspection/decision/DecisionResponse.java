package uk.inspection.decision;

/**
 * What every kind's answer carries: the rule set and version that decided it, and a copy
 * with the id it was recorded under.
 */
public interface DecisionResponse<R> {

    String ruleset();

    String rulesetVersion();

    R withDecisionId(String id);

}
