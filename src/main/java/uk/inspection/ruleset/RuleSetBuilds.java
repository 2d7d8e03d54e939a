package uk.inspection.ruleset;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.inspection.engine.LoadProblem;

/**
 * Builds and checks of a new version run here, each on a thread no request, no watcher
 * and no reload needs, and the caller waits at most the time limit. A build still running
 * then is abandoned with its thread (Java cannot stop a thread safely), and later builds
 * get other threads: nothing a rule file does can hold up the service, the watcher or a
 * reload. Builds of different frameworks may run at once (the registry keeps one build of
 * a framework at a time). (Nothing of a rule file runs before it has passed the
 * allow-list, so what could run long is rules that fire within their evaluation deadline,
 * or a very large file being compiled.)
 */
final class RuleSetBuilds {

    private static final Logger log = LoggerFactory.getLogger(RuleSetBuilds.class);

    private final Duration limit;

    /**
     * Threads are made as builds need them and end after a minute idle; an abandoned
     * build keeps its thread busy until it ends, if ever.
     */
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "rule-set-build-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private static final AtomicInteger COUNT = new AtomicInteger();

    RuleSetBuilds(Duration limit) {
        this.limit = limit;
    }

    /** The build's result, or a failure saying it took too long or broke. */
    LoadResult run(String framework, Supplier<LoadResult> build) {
        Future<LoadResult> running = threads.submit(build::get);
        try {
            return running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            running.cancel(true);
            log.error("Building {} took longer than {} s and was abandoned", framework, limit.toSeconds());
            return failed(framework, "building and checking the rule set took longer than " + limit.toSeconds()
                    + " s and was abandoned (rules.build-timeout); the last good version keeps serving");
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
