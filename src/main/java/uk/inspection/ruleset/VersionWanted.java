package uk.inspection.ruleset;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;

/**
 * Which version of a framework a request asks to be decided with: a version pinned by its
 * hash ({@code Ruleset-Version}), the version in force at an instant
 * ({@code Ruleset-As-Of}), or, with neither, the version in force now.
 */
public record VersionWanted(String pinned, String asOf) {

    public static final String PINNED_HEADER = "Ruleset-Version";

    public static final String AS_OF_HEADER = "Ruleset-As-Of";

    /**
     * A date alone means the start of that day where the inspectorate works, whatever the
     * server's zone.
     */
    private static final ZoneId INSPECTORATE = ZoneId.of("Europe/London");

    public static final VersionWanted IN_FORCE_NOW = new VersionWanted(null, null);

    public VersionWanted {
        pinned = pinned == null || pinned.isBlank() ? null : pinned.strip();
        asOf = asOf == null || asOf.isBlank() ? null : asOf.strip();
    }

    public static VersionWanted pinned(String version) {
        return new VersionWanted(version, null);
    }

    public boolean isPinned() {
        return pinned != null;
    }

    /**
     * The instant asked for: none for a request that asks for none, a refusal (400,
     * naming the header) for both headers at once, several values, or a value that is
     * neither an instant nor a date.
     */
    public Decision<Instant> instant() {
        if (asOf == null) {
            return Decision.decided(null);
        }
        if (pinned != null) {
            return refused("give " + PINNED_HEADER + " or " + AS_OF_HEADER + ", not both");
        }
        if (asOf.contains(",")) {
            return refused("one instant or date, not several (" + asOf + ")");
        }
        try {
            return Decision.decided(parseInstant(asOf));
        }
        catch (DateTimeException e) {
            return refused("an instant (2026-04-01T09:00:00Z, or with an offset) or a date (2026-04-01: the start of"
                    + " that day in Europe/London), not " + asOf);
        }
    }

    /**
     * An instant (ISO, with {@code Z} or an offset; RFC 3339 allows {@code t} and
     * {@code z} in lower case, as an approval's effectiveFrom does), or a date: the start
     * of that day in Europe/London.
     * @throws DateTimeException for anything else
     */
    public static Instant parseInstant(String value) {
        return value.indexOf('T') >= 0 || value.indexOf('t') >= 0 ? OffsetDateTime.parse(value).toInstant()
                : LocalDate.parse(value).atStartOfDay(INSPECTORATE).toInstant();
    }

    private static Decision<Instant> refused(String message) {
        return Decision.refused(Failure.malformed(new FieldProblem(AS_OF_HEADER, message)));
    }

}
