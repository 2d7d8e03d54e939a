package uk.inspection.engine.drools;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kie.api.runtime.KieSession;
import uk.inspection.engine.drools.allowlist.RuleWork;

/**
 * An evaluation's deadline: once the thread firing a session's rules has spent the
 * budget, the session is halted (Drools stops between two firings) and a consequence
 * still running stops at its next call ({@link RuleWork}). The budget is the thread's CPU
 * time where the JVM measures it: a busy machine, or a garbage collection, then slows an
 * evaluation without making it fail; rules that loop spend CPU and are stopped. Elsewhere
 * it is wall-clock time.
 */
final class Deadline implements AutoCloseable {

    /** One timer thread for every session's deadline; it only ever calls halt(). */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rule-evaluation-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final boolean CPU_TIME = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private final KieSession session;

    private final RuleWork.Scope work;

    private final long budget;

    private final long thread = Thread.currentThread().getId();

    private final long start;

    private final AtomicBoolean done = new AtomicBoolean();

    private final AtomicBoolean halted = new AtomicBoolean();

    private volatile ScheduledFuture<?> next;

    private Deadline(KieSession session, Duration budget, RuleWork.Scope work) {
        this.session = session;
        this.work = work;
        this.budget = budget.toNanos();
        this.start = spent();
        this.next = TIMER.schedule(this::check, this.budget, TimeUnit.NANOSECONDS);
    }

    /**
     * A deadline for the session the current thread is about to fire, within the work
     * budget it fires in: at the deadline, a rule's code still running stops at its next
     * call ({@link RuleWork}).
     */
    static Deadline start(KieSession session, Duration budget, RuleWork.Scope work) {
        return new Deadline(session, budget, work);
    }

    /** Whether the session was halted for passing the deadline. */
    boolean passed() {
        return halted.get();
    }

    /**
     * After this returns the session is never halted by this deadline: it may go back to
     * the pool and serve another request.
     */
    @Override
    public synchronized void close() {
        done.set(true);
        next.cancel(false);
    }

    private synchronized void check() {
        if (done.get()) {
            return;
        }
        long used = spent() - start;
        if (used < budget) {
            next = TIMER.schedule(this::check, budget - used, TimeUnit.NANOSECONDS);
        }
        else if (halted.compareAndSet(false, true)) {
            work.expire();
            session.halt();
        }
    }

    private long spent() {
        return CPU_TIME ? THREADS.getThreadCpuTime(thread) : System.nanoTime();
    }

}
