package uk.inspection.ruleset;

import java.util.List;

import uk.inspection.engine.LoadProblem;

/**
 * A check a freshly built rule set must pass before it is served (and that
 * {@code validate} runs): problems found are reported like compile errors and keep the
 * last good version serving.
 */
public interface RuleSetCheck {

    List<LoadProblem> check(RuleSet ruleSet);

}
