package uk.inspection.ruleset;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.inspection.web.RuleSetUnavailableException;
import uk.inspection.web.UnknownFrameworkException;

/**
 * The rule sets the service is serving, one per framework folder. A framework whose files do not
 * build is reported (file, line or row, message) and, if it had a good version, keeps serving it:
 * a broken file never replaces working rules and never stops the service.
 */
@Component
public class RuleSetRegistry {

    private static final Logger log = LoggerFactory.getLogger(RuleSetRegistry.class);

    private final RulesProperties properties;
    private final RuleSetLoader loader;
    private final Clock clock;
    private final ConcurrentMap<String, RuleSet> serving = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LoadStatus> lastLoad = new ConcurrentHashMap<>();

    public RuleSetRegistry(RulesProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.loader = new RuleSetLoader(clock);
        RuleSetFiles.frameworks(properties.homePath()).forEach(this::load);
    }

    /** Builds a framework from its files and, if it builds, serves it from now on. */
    public LoadResult load(String framework) {
        LoadResult result = loader.load(properties.homePath(), framework);
        if (result instanceof LoadResult.Loaded loaded) {
            RuleSet ruleSet = loaded.ruleSet();
            serving.put(framework, ruleSet);
            lastLoad.put(framework, LoadStatus.ok(ruleSet.loadedAt()));
            log.info("Rule set {} {} built in {} ms from {} files", framework, ruleSet.version(),
                    loaded.buildMillis(), ruleSet.sources().size());
        } else if (result instanceof LoadResult.Failed failed) {
            RuleSet current = serving.get(framework);
            lastLoad.put(framework, LoadStatus.failed(clock.instant(), failed.problems(),
                    current == null ? null : current.version()));
            log.error("Rule set {} did not build{}:\n  {}", framework,
                    current == null ? " and is not served" : "; still serving " + current.version(),
                    String.join("\n  ", failed.problems().stream().map(LoadProblem::toString).toList()));
        }
        return result;
    }

    public Optional<RuleSet> serving(String framework) {
        return Optional.ofNullable(serving.get(framework));
    }

    /** The rule set serving a framework; 404 when there is no such framework, 503 when it never built. */
    public RuleSet require(String framework) {
        RuleSet ruleSet = serving.get(framework);
        if (ruleSet != null) {
            return ruleSet;
        }
        if (lastLoad.containsKey(framework)) {
            throw new RuleSetUnavailableException(framework);
        }
        throw new UnknownFrameworkException(framework, new TreeMap<>(lastLoad).keySet());
    }

    public Optional<LoadStatus> lastLoad(String framework) {
        return Optional.ofNullable(lastLoad.get(framework));
    }

    /** Every framework found, served or not, by id. */
    public Map<String, Optional<RuleSet>> frameworks() {
        Map<String, Optional<RuleSet>> all = new TreeMap<>();
        lastLoad.keySet().forEach(id -> all.put(id, serving(id)));
        return all;
    }
}
