package uk.inspection.ruleset;

import java.util.List;

import uk.inspection.engine.LoadProblem;

/**
 * The outcome of building one rule set from its files: the rule set, or every problem
 * found.
 */
public sealed interface LoadResult {

    record Loaded(RuleSet ruleSet, long buildMillis) implements LoadResult {
    }

    /** The files hash to the version already being served, so nothing was built. */
    record Unchanged(String framework, String version) implements LoadResult {
    }

    record Failed(String framework, String version, List<LoadProblem> problems) implements LoadResult {
        public Failed {
            problems = List.copyOf(problems);
        }
    }

}
