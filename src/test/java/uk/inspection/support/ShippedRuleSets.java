package uk.inspection.support;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import uk.inspection.ruleset.LoadResult;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetLoader;

/**
 * The project's own rule sets, each built once for every test in this JVM that evaluates
 * it in-process: a build is seconds, and a built rule set is immutable and shared by
 * every request in the service too. A test of building itself builds its own.
 */
public final class ShippedRuleSets {

    /** The project's rules home. */
    public static final Path HOME = Path.of(".").toAbsolutePath().normalize();

    private static final Map<String, LoadResult> BUILT = new ConcurrentHashMap<>();

    private ShippedRuleSets() {
    }

    /** The framework's build as the service's loader gives it. */
    public static LoadResult result(String framework) {
        return BUILT.computeIfAbsent(framework, id -> new RuleSetLoader(Clock.systemUTC()).load(HOME, id));
    }

    /**
     * The framework's rule set; a build that failed is the test's failure, with its
     * problems.
     */
    public static RuleSet of(String framework) {
        LoadResult result = result(framework);
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.ruleSet();
        }
        throw new AssertionError("the shipped rule set " + framework + " does not build: " + result);
    }

}
