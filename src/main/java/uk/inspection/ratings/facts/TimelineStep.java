package uk.inspection.ratings.facts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one date of the decision and report timeline is found, as a row of the timeline
 * table says: counted from the fieldwork end or another step, plus calendar days and
 * weeks, then the first given weekday on or after that, plus working days, and moved to
 * the next working day if it is not one. Which inspection types and nations the row is
 * for: blank (null) is all.
 */
public record TimelineStep(String name, String inspectionType, String nation, String from, int days, int weeks,
        DayOfWeek onOrAfter, int workingDays, boolean nextWorkingDay) {

    public static final String FIELDWORK_END = "FIELDWORK_END";

    public static TimelineStep named(String name) {
        return new TimelineStep(name, null, null, FIELDWORK_END, 0, 0, null, 0, false);
    }

    public TimelineStep forInspectionType(String type) {
        return new TimelineStep(name, type, nation, from, days, weeks, onOrAfter, workingDays, nextWorkingDay);
    }

    public TimelineStep inNation(String forNation) {
        return new TimelineStep(name, inspectionType, forNation, from, days, weeks, onOrAfter, workingDays,
                nextWorkingDay);
    }

    public TimelineStep countedFrom(String step) {
        return new TimelineStep(name, inspectionType, nation, step, days, weeks, onOrAfter, workingDays,
                nextWorkingDay);
    }

    public TimelineStep plusDays(int n) {
        return new TimelineStep(name, inspectionType, nation, from, n, weeks, onOrAfter, workingDays, nextWorkingDay);
    }

    public TimelineStep plusWeeks(int n) {
        return new TimelineStep(name, inspectionType, nation, from, days, n, onOrAfter, workingDays, nextWorkingDay);
    }

    public TimelineStep firstOnOrAfter(String weekday) {
        return new TimelineStep(name, inspectionType, nation, from, days, weeks, DayOfWeek.valueOf(weekday.strip()),
                workingDays, nextWorkingDay);
    }

    public TimelineStep plusWorkingDays(int n) {
        return new TimelineStep(name, inspectionType, nation, from, days, weeks, onOrAfter, n, nextWorkingDay);
    }

    public TimelineStep movedToNextWorkingDay(boolean move) {
        return new TimelineStep(name, inspectionType, nation, from, days, weeks, onOrAfter, workingDays, move);
    }

    public boolean appliesTo(String type, String toNation) {
        return (inspectionType == null || inspectionType.equals(type)) && (nation == null || nation.equals(toNation));
    }

    /**
     * The step's date, counted from {@code start}, skipping weekends and the given bank
     * holidays as working days.
     */
    public LocalDate dateFrom(LocalDate start, Collection<?> bankHolidays) {
        Set<LocalDate> holidays = bankHolidays.stream().map(h -> ((BankHoliday) h).date()).collect(Collectors.toSet());
        LocalDate date = start.plusDays(days).plusWeeks(weeks);
        if (onOrAfter != null) {
            while (date.getDayOfWeek() != onOrAfter) {
                date = date.plusDays(1);
            }
        }
        for (int added = 0; added < workingDays;) {
            date = date.plusDays(1);
            if (isWorkingDay(date, holidays)) {
                added++;
            }
        }
        while (nextWorkingDay && !isWorkingDay(date, holidays)) {
            date = date.plusDays(1);
        }
        return date;
    }

    private static boolean isWorkingDay(LocalDate date, Set<LocalDate> holidays) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }
}
