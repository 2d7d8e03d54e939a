package uk.inspection.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The one way a test waits for something the service does on its own time (a reload, a
 * store refresh, a journal drained): ask again every {@link #EVERY} until the answer is
 * the one awaited or the timeout has passed, then assert on the last answer, so a failure
 * says what was seen rather than only that time ran out.
 */
public final class Eventually {

    /**
     * Often enough that a test waits little past the moment, seldom enough to cost
     * nothing.
     */
    public static final Duration EVERY = Duration.ofMillis(100);

    private Eventually() {
    }

    /** The first answer of {@code ask} that is {@code done}, within {@code timeout}. */
    public static <T> T await(Duration timeout, Callable<T> ask, Predicate<? super T> done) throws Exception {
        T answer = poll(timeout, ask, done);
        assertThat(done.test(answer)).as("not reached within %s; the last answer: %s", timeout, answer).isTrue();
        return answer;
    }

    /**
     * The first answer that is {@code done}, or the last one when the timeout has passed:
     * for a test that reports what it saw before it asserts.
     */
    public static <T> T poll(Duration timeout, Callable<T> ask, Predicate<? super T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T answer = ask.call();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(EVERY.toMillis());
            answer = ask.call();
        }
        return answer;
    }

    /** Waits until {@code condition} holds, within {@code timeout}. */
    public static void await(Duration timeout, Callable<Boolean> condition) throws Exception {
        await(timeout, condition, Boolean::booleanValue);
    }

}
