package uk.inspection.regression;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import uk.inspection.engine.LoadProblem;
import uk.inspection.ruleset.FolderSnapshot;
import uk.inspection.ruleset.LoadResult;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetFiles;
import uk.inspection.ruleset.RuleSetLoader;
import uk.inspection.ruleset.RulesSnapshot;

/**
 * The rule sets of one rules home, or of a snapshot of the rule store, built once for a
 * command-line run.
 */
public final class LoadedRuleSets {

    private final Map<String, LoadResult> results = new LinkedHashMap<>();

    public LoadedRuleSets(Path home) {
        this(home, RuleSetFiles.frameworks(home));
    }

    /** Only these frameworks of the home. */
    public LoadedRuleSets(Path home, List<String> frameworks) {
        this(home, frameworks, id -> {
        });
    }

    /**
     * Only these frameworks of the home, built by this loader, as a draft's review needs.
     */
    public LoadedRuleSets(Path home, List<String> frameworks, RuleSetLoader loader) {
        this(home, frameworks, loader, id -> {
        });
    }

    /** Each framework of the home, telling {@code building} before each (progress). */
    public LoadedRuleSets(Path home, Consumer<String> building) {
        this(home, RuleSetFiles.frameworks(home), building);
    }

    /** These frameworks of the home, telling {@code building} before each (progress). */
    public LoadedRuleSets(Path home, List<String> frameworks, Consumer<String> building) {
        this(home, frameworks, new RuleSetLoader(Clock.systemUTC()), building);
    }

    /**
     * These frameworks of a snapshot (the rule store's, say), built as the service builds
     * them, telling {@code building} before each.
     */
    public LoadedRuleSets(RulesSnapshot snapshot, List<String> frameworks, Consumer<String> building) {
        this(snapshot, frameworks, new RuleSetLoader(Clock.systemUTC()), building);
    }

    private LoadedRuleSets(Path home, List<String> frameworks, RuleSetLoader loader, Consumer<String> building) {
        this(new FolderSnapshot(home), frameworks, loader, building);
    }

    private LoadedRuleSets(RulesSnapshot snapshot, List<String> frameworks, RuleSetLoader loader,
            Consumer<String> building) {
        for (String id : frameworks) {
            building.accept(id);
            results.put(id, loader.load(snapshot, id, null));
        }
    }

    /**
     * The problems of each rule set that did not build, one line each, naming the
     * framework.
     */
    public List<String> buildProblems() {
        return failures().stream()
            .flatMap(failed -> failed.problems().stream().map(p -> failed.framework() + " does not build: " + p))
            .toList();
    }

    /** Whether the framework has files under the home but they did not build. */
    public boolean didNotBuild(String framework) {
        return results.get(framework) instanceof LoadResult.Failed;
    }

    /** The rule set, or null; {@link #whyNot(String)} says why not. */
    public RuleSet get(String framework) {
        return results.get(framework) instanceof LoadResult.Loaded loaded ? loaded.ruleSet() : null;
    }

    /**
     * In words that name no folder: a draft's review shows them, and its rules are in a
     * scratch folder of the server's (a command names the home it was given itself).
     */
    public String whyNot(String framework) {
        LoadResult result = results.get(framework);
        if (result instanceof LoadResult.Failed failed) {
            return "the rule set " + framework + " did not build: "
                    + String.join("; ", failed.problems().stream().map(LoadProblem::toString).toList());
        }
        return "no framework " + framework + " among these rules (frameworks: " + String.join(", ", results.keySet())
                + ")";
    }

    public List<RuleSet> loaded() {
        return results.values()
            .stream()
            .filter(LoadResult.Loaded.class::isInstance)
            .map(r -> ((LoadResult.Loaded) r).ruleSet())
            .toList();
    }

    public List<LoadResult.Failed> failures() {
        return results.values()
            .stream()
            .filter(LoadResult.Failed.class::isInstance)
            .map(LoadResult.Failed.class::cast)
            .toList();
    }

}
