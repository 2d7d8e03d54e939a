package uk.inspection.ruleset;

import java.io.IOException;
import java.util.List;

/**
 * The files of a rules home at one moment: a folder on disk (development), or one commit
 * of the rule store. Paths are relative to the home, with forward slashes.
 */
public interface RulesSnapshot {

    /**
     * Framework ids: the folder names under {@code rules/} and {@code decision-tables/}.
     */
    List<String> frameworks();

    /** Every file of one framework, sorted by path. */
    List<RuleFile> files(String framework) throws IOException;

    /**
     * The fixture files of one framework ({@code fixtures/<framework>/}, every
     * {@code .json} below it), sorted by path; none when it has no such folder.
     */
    List<RuleFile> fixtures(String framework) throws IOException;

    /** The rule store's commit this snapshot is, or null for a folder. */
    String commit();

    /**
     * The rule store's commit the framework's files are read from (the one that published
     * its version in force), or null for a folder.
     */
    default String commit(String framework) {
        return commit();
    }

}
