package uk.inspection.ruleset;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.LoadProblem;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;

/**
 * Every build of rule files runs here, within {@code rules.build-timeout}, on threads no
 * request, no watcher and no reload needs.
 * <p>
 * The builds of what the service serves (at start, and after a publish) are never
 * refused: each has a thread of its own, and the registry keeps one build of a framework
 * at a time. The builds anyone may ask for (a pinned old version, a draft's review or
 * rule set for a console try or a shadow) share {@code rules.concurrent-builds} threads;
 * an identical build asked for while one runs (same key: the same content) is not built
 * again, every caller gets its result; at most {@code rules.build-queue} more wait, and a
 * build beyond that, or one that waited longer than the timeout for a thread, is refused
 * 503 with Retry-After. Java cannot stop a thread safely, so a build past the timeout is
 * interrupted and abandoned: its caller is answered, but the build keeps its thread (and
 * its place in the bound) until it ends, so abandoned builds can never add up to more
 * work than the bound.
 */
@Component
public class RuleSetBuilds {

    private static final Logger log = LoggerFactory.getLogger(RuleSetBuilds.class);

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Duration timeout;

    private final int concurrent;

    private final int queue;

    private final BuildLimits limits;

    /** Threads for served builds, made as needed and ended after a minute idle. */
    private final ExecutorService served = Executors.newCachedThreadPool(r -> thread(r, "rule-set-build-"));

    private final ExecutorService untrusted;

    /** Refuses a build that waited too long, abandons one that ran too long. */
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
            r -> thread(r, "rule-set-build-timer-"));

    /** The untrusted builds running or waiting, by key; guarded by itself. */
    private final Map<String, CompletableFuture<Object>> building = new HashMap<>();

    @Autowired
    RuleSetBuilds(RulesProperties properties, @Value("${rules.concurrent-builds:1}") int concurrent,
            @Value("${rules.build-queue:4}") int queue,
            @Value("${rules.max-rules:" + BuildLimits.DEFAULT_MAX_RULES + "}") int maxRules,
            @Value("${rules.max-file-bytes:" + BuildLimits.DEFAULT_MAX_FILE_BYTES + "}") long maxFileBytes) {
        this(properties.buildTimeout(), concurrent, queue, new BuildLimits(maxRules, maxFileBytes));
    }

    RuleSetBuilds(Duration timeout, int concurrent, int queue, BuildLimits limits) {
        if (concurrent < 1 || queue < 0) {
            throw new IllegalArgumentException("rules.concurrent-builds must be at least 1 and rules.build-queue at"
                    + " least 0, not " + concurrent + " and " + queue);
        }
        this.timeout = timeout;
        this.concurrent = concurrent;
        this.queue = queue;
        this.limits = limits;
        this.untrusted = Executors.newFixedThreadPool(concurrent, r -> thread(r, "untrusted-build-"));
        timer.setRemoveOnCancelPolicy(true);
    }

    /** What a rule set may be. */
    public BuildLimits limits() {
        return limits;
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
            return failed(framework, tooLong() + "; the last good version keeps serving");
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

    /**
     * A build anyone may ask for, shared with an identical one under way ({@code key}
     * names what is built from which content): its result, or a 503 refusal when too many
     * builds wait or it took longer than the timeout.
     */
    @SuppressWarnings("unchecked")
    public <T> Decision<T> build(String key, Supplier<T> work) {
        CompletableFuture<Object> result;
        synchronized (building) {
            result = building.get(key);
            if (result == null) {
                if (building.size() >= concurrent + queue) {
                    return Decision.refused(busy());
                }
                result = new CompletableFuture<>();
                building.put(key, result);
                untrusted.execute(new Build(key, result, work::get));
            }
        }
        try {
            return Decision.decided((T) result.get());
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof Refused refused) {
                return Decision.refused(refused.failure);
            }
            log.error("Building {} failed unexpectedly", key, e.getCause());
            return Decision.refused(refusal("building failed unexpectedly; the service's log has the details"));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Decision.refused(refusal("the build was interrupted: the service is stopping"));
        }
    }

    /**
     * One untrusted build: refused if no thread took it within the timeout, abandoned
     * (and interrupted) if it has not ended within the timeout of its start. It keeps its
     * place in the bound until its thread is free again.
     */
    private final class Build implements Runnable {

        private final String key;

        private final CompletableFuture<Object> result;

        private final Supplier<Object> work;

        private final ScheduledFuture<?> waiting;

        /** The thread while the work runs, else null; guarded by this. */
        private Thread running;

        Build(String key, CompletableFuture<Object> result, Supplier<Object> work) {
            this.key = key;
            this.result = result;
            this.work = work;
            this.waiting = timer.schedule(() -> result.completeExceptionally(new Refused(busy())), timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            waiting.cancel(false);
            ScheduledFuture<?> deadline = null;
            try {
                if (result.isDone()) {
                    return;
                }
                synchronized (this) {
                    running = Thread.currentThread();
                }
                deadline = timer.schedule(this::abandon, timeout.toMillis(), TimeUnit.MILLISECONDS);
                result.complete(work.get());
            }
            catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
            finally {
                synchronized (this) {
                    running = null;
                }
                if (deadline != null) {
                    deadline.cancel(false);
                }
                Thread.interrupted(); // an abandoning interrupt must not reach the next
                                      // build
                synchronized (building) {
                    building.remove(key, result);
                }
            }
        }

        private void abandon() {
            if (result.completeExceptionally(new Refused(refusal(tooLong())))) {
                log.error("Building {} took longer than {} s and was abandoned", key, timeout.toSeconds());
                synchronized (this) {
                    if (running != null) {
                        running.interrupt();
                    }
                }
            }
        }

    }

    private Failure busy() {
        return new Failure(ProblemType.BUILDS_BUSY,
                "too many rule-set builds are running or waiting (at most " + concurrent
                        + " at once, rules.concurrent-builds, and " + queue
                        + " waiting, rules.build-queue, each for at most rules.build-timeout); try again later",
                List.of());
    }

    private String tooLong() {
        return "building and checking the rule set took longer than " + timeout.toSeconds()
                + " s and was abandoned (rules.build-timeout)";
    }

    private static Failure refusal(String detail) {
        return new Failure(ProblemType.BUILD_REFUSED, detail, List.of());
    }

    private static LoadResult failed(String framework, String message) {
        return new LoadResult.Failed(framework, null,
                List.of(LoadProblem.inFile(RuleSetFiles.RULES + "/" + framework, message)));
    }

    private static Thread thread(Runnable runnable, String prefix) {
        Thread thread = new Thread(runnable, prefix + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** A build refused: too many waiting, or past the timeout. */
    private static final class Refused extends RuntimeException {

        private final transient Failure failure;

        Refused(Failure failure) {
            super(failure.detail(), null, false, false);
            this.failure = failure;
        }

    }

}
