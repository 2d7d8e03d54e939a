package uk.inspection.store;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The trailers of the published branch's commits that say when a version takes effect and
 * which scheduled version a commit cancels: written by the service, read back by the
 * version index, so a restart, or another instance, finds the same schedule.
 */
public final class Trailers {

    /** The framework a step is about. */
    public static final String FRAMEWORK = "Framework";

    /** The instant a published version takes effect from (ISO-8601, UTC). */
    public static final String EFFECTIVE_FROM = "Effective-From";

    /** On a cancellation: the commit that published the cancelled version. */
    public static final String CANCELS = "Cancels";

    /** On a cancellation: why. */
    public static final String REASON = "Reason";

    private Trailers() {
    }

    /**
     * When the commit's version takes effect: its {@code Effective-From}, or the commit's
     * own time for one made without (the seed, a commit made by other Git tools, a
     * publish before versions were scheduled). A trailer that does not parse counts as
     * the commit's time too: an unreadable date never holds a version back unseen.
     */
    static Instant effectiveFrom(StoreCommit commit) {
        String value = commit.trailer(EFFECTIVE_FROM);
        if (value == null) {
            return commit.time();
        }
        try {
            return Instant.parse(value);
        }
        catch (DateTimeParseException e) {
            return commit.time();
        }
    }

}
