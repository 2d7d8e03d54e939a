package uk.inspection.decision;

import java.time.Instant;

/**
 * What every kind's answer carries: the rule set and version that decided it, and when
 * that version took effect. (Its {@code decisionId}, the id it was recorded under, is
 * added to the JSON answered, not to the value: the record keeps the answer as written,
 * without it.)
 */
public interface DecisionResponse {

    String ruleset();

    String rulesetVersion();

    /**
     * The instant the publication of that version took effect: with the version, the
     * method in force then (null where nothing is published: a rules folder, a draft).
     */
    Instant rulesetEffectiveFrom();

}
