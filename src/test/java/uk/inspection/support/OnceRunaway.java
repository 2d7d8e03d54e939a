package uk.inspection.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import uk.inspection.engine.CompiledRules;
import uk.inspection.engine.Evaluation;
import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.InsertedFact;
import uk.inspection.ruleset.LoadResult;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetLoader;

/**
 * A rule set that runs away on its first evaluation only, as a cold JVM's first request
 * may pass the deadline once: that evaluation is made by a build of the same files that
 * allows one firing, every later one by the rule set as served. Both are real Drools
 * sessions over the real files, and nothing depends on timing.
 */
public final class OnceRunaway implements CompiledRules {

    private final CompiledRules first;

    private final CompiledRules rest;

    private final AtomicInteger evaluations = new AtomicInteger();

    private OnceRunaway(CompiledRules first, CompiledRules rest) {
        this.first = first;
        this.rest = rest;
    }

    /** The served rule set's files, with a first evaluation that runs away. */
    public static RuleSet of(RuleSet served, Path home) {
        RuleSet oneFiring = ((LoadResult.Loaded) new RuleSetLoader(Clock.systemUTC(),
                new EvaluationLimits(Duration.ofMinutes(1), 1), BuildLimits.DEFAULTS)
            .load(home, served.id())).ruleSet();
        return new RuleSet(served.id(), served.manifest(), served.version(), served.commit(), served.loadedAt(),
                served.fileHashes(), served.translations(), new OnceRunaway(oneFiring.rules(), served.rules()));
    }

    /** The rule set of a rules home's framework, built with the default limits. */
    public static RuleSet of(Path home, String framework) {
        RuleSet served = home.toAbsolutePath().normalize().equals(ShippedRuleSets.HOME) ? ShippedRuleSets.of(framework)
                : ((LoadResult.Loaded) new RuleSetLoader(Clock.systemUTC()).load(home, framework)).ruleSet();
        return of(served, home);
    }

    /** How many evaluations the rule set made. */
    public static int evaluations(RuleSet ruleSet) {
        return ((OnceRunaway) ruleSet.rules()).evaluations.get();
    }

    @Override
    public Evaluation evaluate(Collection<?> facts) {
        return (evaluations.getAndIncrement() == 0 ? first : rest).evaluate(facts);
    }

    @Override
    public List<InsertedFact> insertedWithoutFacts() {
        return rest.insertedWithoutFacts();
    }

}
