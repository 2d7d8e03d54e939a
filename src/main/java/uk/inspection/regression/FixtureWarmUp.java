package uk.inspection.regression;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.RuleFile;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetWarmUp;

/**
 * Warms a rule set with its fixtures, decided as the API decides a request: its first
 * request is then not the JVM's first evaluation of it. A fixture that cannot be read is
 * left out (a draft's review refuses it); what the fixtures decide is logged, not judged.
 */
@Component
class FixtureWarmUp implements RuleSetWarmUp {

    private static final Logger log = LoggerFactory.getLogger(FixtureWarmUp.class);

    private final RequestLimits limits;

    FixtureWarmUp(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public void warm(RuleSet ruleSet, List<RuleFile> files) {
        List<Fixture> fixtures = new ArrayList<>();
        for (RuleFile file : files) {
            try {
                fixtures.add(Fixture.read(file.path(), file.content()));
            }
            catch (IOException e) {
                log.debug("Fixture {} left out of {}'s warm-up: {}", file.path(), ruleSet.id(), e.getMessage());
            }
        }
        long started = System.nanoTime();
        FixtureRun.Result run = FixtureRun.run(ruleSet, fixtures, limits);
        log.info("Rule set {} {} warmed up with {} fixtures in {} ms ({} decided otherwise than they expect)",
                ruleSet.id(), ruleSet.version(), run.passed() + run.failed(), (System.nanoTime() - started) / 1_000_000,
                run.failed());
    }

}
