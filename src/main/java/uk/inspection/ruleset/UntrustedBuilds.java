package uk.inspection.ruleset;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;

/**
 * The builds anyone may ask for (a pinned old version, a draft's review, a draft's rule
 * set for a console try or a shadow): a fixed number run at once; an identical build
 * asked for while one is under way (the same key: the same content) is not built again,
 * every caller gets its result; a bounded number wait, and a build beyond them, or one
 * that waited the timeout for a thread, is refused. Java cannot stop a thread safely, so
 * a build past the timeout is interrupted and abandoned: its callers are answered, but it
 * keeps its thread and its place in the bound until it ends, so abandoned builds never
 * add up to more work than the bound.
 */
final class UntrustedBuilds {

    private static final Logger log = LoggerFactory.getLogger(UntrustedBuilds.class);

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Duration timeout;

    private final int concurrent;

    private final int queue;

    private final ExecutorService threads;

    /** Refuses a build that waited too long, abandons one that ran too long. */
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
            r -> daemon(r, "untrusted-build-timer"));

    /** The builds running or waiting, by key; guarded by itself. */
    private final Map<String, CompletableFuture<Object>> building = new HashMap<>();

    UntrustedBuilds(Duration timeout, int concurrent, int queue) {
        if (concurrent < 1 || queue < 0) {
            throw new IllegalArgumentException("rules.concurrent-builds must be at least 1 and rules.build-queue at"
                    + " least 0, not " + concurrent + " and " + queue);
        }
        this.timeout = timeout;
        this.concurrent = concurrent;
        this.queue = queue;
        this.threads = Executors.newFixedThreadPool(concurrent,
                r -> daemon(r, "untrusted-build-" + COUNT.incrementAndGet()));
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * The build's result, shared with an identical build under way, or a refusal: too
     * many builds, past the timeout, or broken.
     */
    @SuppressWarnings("unchecked")
    <T> Decision<T> build(String key, Supplier<T> work) {
        CompletableFuture<Object> result;
        synchronized (building) {
            result = building.get(key);
            if (result == null) {
                if (building.size() >= concurrent + queue) {
                    return Decision.refused(busy());
                }
                result = new CompletableFuture<>();
                building.put(key, result);
                threads.execute(new Build(key, result, work::get));
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
     * Interrupts the builds under way, refuses those waiting, and waits up to the
     * timeout.
     */
    boolean stop() throws InterruptedException {
        threads.shutdownNow();
        timer.shutdownNow();
        return threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why a build past the timeout was abandoned. */
    static String tooLong(Duration timeout) {
        return "building and checking the rule set took longer than " + timeout.toSeconds()
                + " s and was abandoned (rules.build-timeout)";
    }

    private Failure busy() {
        return new Failure(ProblemType.BUILDS_BUSY,
                "too many rule-set builds are running or waiting (at most " + concurrent
                        + " at once, rules.concurrent-builds, and " + queue
                        + " waiting, rules.build-queue, each for at most rules.build-timeout); try again later",
                List.of());
    }

    private static Failure refusal(String detail) {
        return new Failure(ProblemType.BUILD_REFUSED, detail, List.of());
    }

    static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * One build: refused if no thread took it within the timeout, abandoned (and
     * interrupted) if it has not ended within the timeout of its start; forgotten only
     * when its thread is free again.
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
            if (result.completeExceptionally(new Refused(refusal(tooLong(timeout))))) {
                log.error("Building {} took longer than {} s and was abandoned", key, timeout.toSeconds());
                synchronized (this) {
                    if (running != null) {
                        running.interrupt();
                    }
                }
            }
        }

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
