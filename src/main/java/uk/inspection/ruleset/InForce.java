package uk.inspection.ruleset;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The inspections a framework applies to, by the first day of their fieldwork: from
 * {@code from} to {@code until}, both days included; no {@code until} means still in
 * force. A manifest declares it ({@code inForce: {from: 2018-06-01, until: 2021-05-31}});
 * the dates are the methodology's, never the code's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InForce(LocalDate from, LocalDate until) {

    public InForce {
        if (from == null) {
            throw new IllegalArgumentException("from is required: the first day the framework applies to");
        }
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("until " + until + " is before from " + from);
        }
    }

    /** Whether an inspection whose fieldwork starts on {@code date} falls under it. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && (until == null || !date.isAfter(until));
    }

    /** Whether some date falls in both windows. */
    public boolean overlaps(InForce other) {
        return (until == null || !other.from.isAfter(until)) && (other.until == null || !from.isAfter(other.until));
    }

    /**
     * The window in words, as an answer gives the reason for its framework:
     * {@code inForce 2018-06-01..2021-05-31}, or {@code inForce 2025-04-01..} while still
     * in force.
     */
    public String describe() {
        return "inForce " + from + ".." + (until == null ? "" : until);
    }

}
