package uk.inspection.ruleset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which published version of a framework is in force at an instant, read from its
 * publications (newest first): the newest not cancelled whose {@code effectiveFrom} has
 * come. A publish may not take effect before one published earlier (the approval refuses
 * it), so publication order is the order of taking effect; a version is superseded when
 * the next takes effect.
 */
public final class EffectiveDates {

    /** Where a version stands at an instant. */
    public enum State {

        SCHEDULED("scheduled"), IN_FORCE("in-force"), SUPERSEDED("superseded"), CANCELLED("cancelled");

        private final String label;

        State(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

    }

    /** A version's window: from when, until when (null while nothing follows it). */
    public record Window(PublishedVersion version, Instant effectiveFrom, Instant effectiveUntil, State state) {
    }

    private EffectiveDates() {
    }

    /** The version in force at the instant, if any had taken effect by then. */
    public static Optional<PublishedVersion> inForceAt(List<PublishedVersion> newestFirst, Instant at) {
        return newestFirst.stream()
            .filter(v -> !v.wasCancelled())
            .filter(v -> !v.effectiveFrom().isAfter(at))
            .findFirst();
    }

    /** Every version's window and state at {@code now}, newest first. */
    public static List<Window> windows(List<PublishedVersion> newestFirst, Instant now) {
        PublishedVersion inForce = inForceAt(newestFirst, now).orElse(null);
        Instant until = null;
        boolean afterInForce = false;
        List<Window> windows = new ArrayList<>();
        for (PublishedVersion version : newestFirst) {
            if (version.wasCancelled()) {
                windows.add(new Window(version, version.effectiveFrom(), null, State.CANCELLED));
                continue;
            }
            State state;
            if (version == inForce) {
                state = State.IN_FORCE;
                afterInForce = true;
            }
            else {
                state = afterInForce ? State.SUPERSEDED : State.SCHEDULED;
            }
            windows.add(new Window(version, version.effectiveFrom(), until, state));
            until = version.effectiveFrom();
        }
        return List.copyOf(windows);
    }

    /**
     * The newest version not cancelled: a later publish takes effect at or after it.
     */
    public static Optional<PublishedVersion> latest(List<PublishedVersion> newestFirst) {
        return newestFirst.stream().filter(v -> !v.wasCancelled()).findFirst();
    }

}
