package uk.inspection.engine;

import java.util.List;

/**
 * The one door to the rule engine: compiles a rule set's sources into rules that evaluate
 * facts. Compiling returns its problems as data, located at file and line or sheet row;
 * nothing else in the service knows which engine is behind it.
 */
public interface RuleEngine {

    Compilation compile(String ruleSetId, List<RuleSource> sources);

    /**
     * A decision table's rule tables as the engine reads them, without compiling
     * anything: for showing and comparing tables. A file that cannot be read as a table
     * is an IOException.
     */
    List<DecisionTable> readTables(RuleSource table) throws java.io.IOException;

    /**
     * What {@link #compile} would refuse of these sources, each on its own, before it
     * compiled anything of them (constructs rule files may not use), located; compiles
     * nothing, so an upload can be refused before it is stored. A source that cannot be
     * read at all is left to {@link #compile} to report.
     */
    List<LoadProblem> refusals(List<RuleSource> sources);

}
