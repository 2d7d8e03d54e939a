package uk.inspection.console;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;

/**
 * The approval form's "Takes effect from": a date and a time of day as the approver typed
 * them, read as the inspectorate's local time. Nothing typed means as soon as it is
 * approved; a date without a time, from the start of that day. Whether the instant may be
 * chosen (not in the past, not before a scheduled version) is the approval's to say, on
 * the same field.
 */
record TakesEffectFrom(DateInput date, String time) {

    /** The field the approval names when it refuses the instant. */
    static final String FIELD = "effectiveFrom";

    private static final Pattern HOURS_MINUTES = Pattern.compile("(\\d{1,2})[:.](\\d{2})");

    TakesEffectFrom {
        time = time == null ? "" : time.strip();
    }

    /** The instant typed, none for nothing typed, or what is wrong with it. */
    Decision<Instant> instant() {
        if (date.isBlank()) {
            return time.isEmpty() ? Decision.decided(null) : refused("Enter the date it takes effect from");
        }
        if (date.isPartial()) {
            return refused("The date it takes effect from must include a day, a month and a year");
        }
        Optional<LocalTime> at = timeOfDay();
        if (date.date().isEmpty()) {
            return refused("The date it takes effect from must be a real date");
        }
        if (at.isEmpty()) {
            return refused("Enter the time as hours and minutes on the 24-hour clock, for example 09:30");
        }
        return Decision.decided(date.date().get().atTime(at.get()).atZone(ConsoleFormat.INSPECTORATE).toInstant());
    }

    private Optional<LocalTime> timeOfDay() {
        if (time.isEmpty()) {
            return Optional.of(LocalTime.MIDNIGHT);
        }
        Matcher hm = HOURS_MINUTES.matcher(time);
        if (!hm.matches() || Integer.parseInt(hm.group(1)) > 23 || Integer.parseInt(hm.group(2)) > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(hm.group(1)), Integer.parseInt(hm.group(2))));
    }

    private static Decision<Instant> refused(String message) {
        return Decision.refused(Failure.invalidFacts(List.of(new FieldProblem(FIELD, message))));
    }

}
