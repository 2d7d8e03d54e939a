package uk.inspection.engine;

import java.util.List;

/**
 * What compiling a rule set's sources gave: rules ready to evaluate with the decision
 * tables read, or every problem found.
 */
public sealed interface Compilation {

    record Compiled(CompiledRules rules, List<DecisionTable> tables) implements Compilation {
        public Compiled {
            tables = List.copyOf(tables);
        }
    }

    record Failed(List<LoadProblem> problems) implements Compilation {
        public Failed {
            problems = List.copyOf(problems);
        }
    }

}
