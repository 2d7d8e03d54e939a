package uk.inspection.followup.facts;

import java.time.LocalDate;

/**
 * How one due date of a report kind's follow-up is found, as a row of the periods table
 * says: counted {@code from} a date of the report ({@code DRAFT_RECEIVED} or
 * {@code PUBLICATION}; the rules say which date each means), plus weeks and calendar
 * months.
 */
public record FollowUpPeriod(String step, String reportKind, String from, int weeks, int months) {

    /**
     * The due date counted from {@code start}: a month later is the same day of the
     * month, or the month's last day when it has no such day.
     */
    public DueDate dueFrom(LocalDate start) {
        return new DueDate(step, start.plusWeeks(weeks).plusMonths(months));
    }
}
