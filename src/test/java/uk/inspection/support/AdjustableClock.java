package uk.inspection.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A clock a test moves on by hand: it starts at the real time (what the rule store's
 * first commit says) and stands still until moved. Given to a running service as its
 * clock with {@link #asBean()}.
 */
public final class AdjustableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    public void advance(Duration by) {
        now.updateAndGet(at -> at.plus(by));
    }

    /** Moves the clock to the instant (only forward: time does not go back). */
    public void set(Instant instant) {
        now.updateAndGet(at -> instant.isAfter(at) ? instant : at);
    }

    /** This clock as the service's own (the primary {@code Clock} bean). */
    public ApplicationContextInitializer<GenericApplicationContext> asBean() {
        return context -> context.registerBean("adjustableClock", Clock.class, () -> this,
                definition -> definition.setPrimary(true));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is in UTC");
    }

}
