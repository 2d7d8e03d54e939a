package uk.inspection.ruleset;

import java.util.List;

/**
 * Runs a freshly built rule set's fixtures before it serves: a JVM's first evaluations of
 * a rule set load and compile code, and its first request must not be mistaken for rules
 * that run away. What the fixtures decide is not judged here (a draft's review does
 * that).
 */
public interface RuleSetWarmUp {

    /**
     * Decides, with the rule set, the requests of the fixture files
     * ({@code fixtures/<framework>/}) that are addressed to it.
     */
    void warm(RuleSet ruleSet, List<RuleFile> fixtures);

}
