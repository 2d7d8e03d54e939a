package uk.inspection.engine;

import java.util.List;

/**
 * What compiling a rule set's sources gave: rules ready to evaluate with the decision
 * tables read, or every problem found.
 */
public sealed interface Compilation {

    /**
     * The rules, each decision table as read, and where the DRL rules match fact types by
     * string literals.
     */
    record Compiled(CompiledRules rules, List<DecisionTable> tables, List<PatternUse> patterns) implements Compilation {
        public Compiled {
            tables = List.copyOf(tables);
            patterns = List.copyOf(patterns);
        }
    }

    record Failed(List<LoadProblem> problems) implements Compilation {
        public Failed {
            problems = List.copyOf(problems);
        }
    }

}
