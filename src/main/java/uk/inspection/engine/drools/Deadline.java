package uk.inspection.engine.drools;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.drools.allowlist.RuleWork;

/**
 * An evaluation's deadline and memory budget, watched from a timer thread while the
 * evaluating thread fires a session's rules. The budget is the thread's CPU time where
 * the JVM measures it (a busy machine, or a garbage collection, then slows an evaluation
 * without making it fail; rules that loop spend CPU and are stopped), else wall-clock
 * time; memory is what the thread allocated.
 *
 * <p>
 * Past either, in three steps, each for what the one before cannot stop:
 * <ol>
 * <li>the session is halted (Drools stops between two firings) and a consequence still
 * running stops at its next call ({@link RuleWork});</li>
 * <li>if the thread is still evaluating {@link #GRACE_NANOS} later, it is inside one call
 * that does not return (a library method walking a value built to be walked for ever, or
 * Drools matching a cross product of facts): the thread is stopped
 * ({@link Thread#stop()}, the JVM's only way to end work that never checks for it; Java
 * 17 has it, later JDKs refuse it, and then the operating system's limits are what holds,
 * docs/security.md). The evaluation fails; its session is reset, as after any
 * evaluation.</li>
 * </ol>
 */
final class Deadline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Deadline.class);

    /** How often a running evaluation is looked at once it has run this long. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** How long a halted evaluation may take to stop by itself before it is stopped. */
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    /** One timer thread for every session's deadline. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rule-evaluation-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
        .getThreadMXBean();

    private static final boolean CPU_TIME = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private final KieSession session;

    private final RuleWork.Scope work;

    private final long budget;

    private final long maxAllocatedBytes;

    private final Thread thread = Thread.currentThread();

    private final long start;

    private final long allocatedAtStart;

    private volatile boolean closing;

    private boolean done;

    private boolean halted;

    private long haltedAt;

    private boolean stopped;

    private String why;

    private ScheduledFuture<?> next;

    private Deadline(KieSession session, EvaluationLimits limits, RuleWork.Scope work) {
        this.session = session;
        this.work = work;
        this.budget = limits.deadline().toNanos();
        this.maxAllocatedBytes = limits.maxAllocatedBytes();
        this.start = spent();
        this.allocatedAtStart = allocated();
        synchronized (this) {
            this.next = TIMER.schedule(this::check, Math.min(budget, POLL_NANOS), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A deadline for the session the current thread is about to fill and fire, within the
     * work budget it fires in; with no session, for other rule code the thread runs (a
     * rule set's model being made).
     */
    static Deadline start(KieSession session, EvaluationLimits limits, RuleWork.Scope work) {
        return new Deadline(session, limits, work);
    }

    /** Whether the session was halted for passing the deadline or the memory budget. */
    synchronized boolean passed() {
        return halted;
    }

    /** Why the session was halted, if it was. */
    synchronized String why() {
        return why;
    }

    /** Whether the thread had to be stopped. */
    synchronized boolean stopped() {
        return stopped;
    }

    /**
     * After this returns the session is never halted, nor the thread stopped, by this
     * deadline: it may go back to the pool and serve another request. Called again after
     * a stop, it does nothing.
     */
    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            done = true;
            next.cancel(false);
        }
    }

    private synchronized void check() {
        if (done || closing) {
            return;
        }
        long now = System.nanoTime();
        if (!halted) {
            long used = spent() - start;
            if (used < budget && allocated() - allocatedAtStart <= maxAllocatedBytes) {
                next = TIMER.schedule(this::check, Math.min(budget - used, POLL_NANOS), TimeUnit.NANOSECONDS);
                return;
            }
            halted = true;
            haltedAt = now;
            why = used >= budget ? "was still firing rules after " + budget / 1_000_000 + " ms of work"
                    : "allocated more than " + maxAllocatedBytes / (1024 * 1024) + " MiB of memory on one evaluation";
            work.expire();
            if (session != null) {
                session.halt();
            }
            next = TIMER.schedule(this::check, GRACE_NANOS, TimeUnit.NANOSECONDS);
        }
        else if (!stopped && now - haltedAt >= GRACE_NANOS) {
            stopped = true;
            stop();
        }
    }

    @SuppressWarnings({ "deprecation", "removal" })
    private void stop() {
        try {
            thread.stop();
        }
        catch (UnsupportedOperationException e) {
            LOG.error(
                    "The rules on thread {} run past their limits inside one call and this JDK cannot stop them:"
                            + " run the service on Java 17, with a CPU quota and -XX:+ExitOnOutOfMemoryError",
                    thread.getName());
        }
    }

    private long spent() {
        return CPU_TIME ? THREADS.getThreadCpuTime(thread.getId()) : System.nanoTime();
    }

    private long allocated() {
        return THREADS.getThreadAllocatedBytes(thread.getId());
    }

}
