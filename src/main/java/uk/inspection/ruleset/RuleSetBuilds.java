package uk.inspection.ruleset;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.drools.CompiledRules;
import uk.inspection.engine.drools.DroolsRuleEngine;
import uk.inspection.problem.Decision;

/**
 * Every build of rule files in the service runs here, within {@code rules.build-timeout},
 * on threads no request, no watcher and no reload needs, and within the
 * {@link BuildLimits}.
 * <p>
 * The builds of what the service serves (at start, and after a publish) are never
 * refused: each has a thread of its own (the registry keeps one build of a framework at a
 * time), and a build past the timeout is abandoned with its thread. The builds anyone may
 * ask for are bounded ({@link UntrustedBuilds}): {@code rules.concurrent-builds} at once,
 * {@code rules.build-queue} waiting, identical ones shared, and a refusal 503 beyond.
 */
@Component
public class RuleSetBuilds {

    private static final Logger log = LoggerFactory.getLogger(RuleSetBuilds.class);

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Duration timeout;

    private final BuildLimits limits;

    /** Threads for served builds, made as needed and ended after a minute idle. */
    private final ExecutorService served = Executors
        .newCachedThreadPool(r -> UntrustedBuilds.daemon(r, "rule-set-build-" + COUNT.incrementAndGet()));

    private final UntrustedBuilds untrusted;

    /** Rule sets compiled before, kept under {@code rules.data}; null for none. */
    private final CompiledRules kept;

    @Autowired
    RuleSetBuilds(RulesProperties properties, DataFolder data, @Value("${rules.concurrent-builds:1}") int concurrent,
            @Value("${rules.build-queue:4}") int queue,
            @Value("${rules.max-rules:" + BuildLimits.DEFAULT_MAX_RULES + "}") int maxRules,
            @Value("${rules.max-file-bytes:" + BuildLimits.DEFAULT_MAX_FILE_BYTES + "}") long maxFileBytes) {
        this(properties.buildTimeout(), concurrent, queue, new BuildLimits(maxRules, maxFileBytes),
                new CompiledRules(data.resolve("compiled-rules")));
    }

    RuleSetBuilds(Duration timeout, int concurrent, int queue, BuildLimits limits) {
        this(timeout, concurrent, queue, limits, null);
    }

    private RuleSetBuilds(Duration timeout, int concurrent, int queue, BuildLimits limits, CompiledRules kept) {
        this.timeout = timeout;
        this.limits = limits;
        this.untrusted = new UntrustedBuilds(timeout, concurrent, queue);
        this.kept = kept;
    }

    /**
     * When the service stops (a start that failed included), interrupts the builds under
     * way and waits for them, up to the build timeout: a build left running would go on
     * writing its compiled rules into a data folder that may already be someone else's.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        served.shutdownNow();
        boolean untrustedEnded = untrusted.stop();
        if (!served.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS) || !untrustedEnded) {
            log.warn("A rule-set build went on past the build timeout after the service stopped");
        }
    }

    /** A loader of rule sets within the limits, keeping what it compiles. */
    public RuleSetLoader loader(Clock clock, EvaluationLimits evaluationLimits) {
        return new RuleSetLoader(clock, new DroolsRuleEngine(evaluationLimits, limits, kept), limits);
    }

    /**
     * How many rule sets were loaded already compiled, and how many compiled, since the
     * service started (empty when none are kept).
     */
    public Map<String, Integer> compiledRules() {
        return kept == null ? Map.of() : kept.counts();
    }

    /**
     * When to ask again for a build refused as busy: by then every build running has
     * ended or been abandoned.
     */
    public Duration retryAfter() {
        return timeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout;
    }

    /** What a rule set may be. */
    public BuildLimits limits() {
        return limits;
    }

    /**
     * A build anyone may ask for, shared with an identical one under way ({@code key}
     * names what is built from which content): its result, or a 503 refusal when too many
     * builds run or wait, or it took longer than the timeout.
     */
    public <T> Decision<T> build(String key, Supplier<T> work) {
        return untrusted.build(key, work);
    }

    /**
     * A served framework's build: its result, or a failure saying it took too long or
     * broke. Never refused for want of a thread.
     */
    LoadResult run(String framework, Supplier<LoadResult> build) {
        Future<LoadResult> running = served.submit(build::get);
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            running.cancel(true);
            log.error("Building {} took longer than {} s and was abandoned", framework, timeout.toSeconds());
            return failed(framework, UntrustedBuilds.tooLong(timeout) + "; the last good version keeps serving");
        }
        catch (ExecutionException e) {
            log.error("Building {} failed unexpectedly", framework, e.getCause());
            return failed(framework, "building the rule set failed unexpectedly; the service's log has the details");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(framework, "the build was interrupted: the service is stopping");
        }
    }

    private static LoadResult failed(String framework, String message) {
        return new LoadResult.Failed(framework, null,
                List.of(LoadProblem.inFile(RuleSetFiles.RULES + "/" + framework, message)));
    }

}
