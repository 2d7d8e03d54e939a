package uk.inspection.console;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A GOV.UK date input's day, month and year, as typed: none, some, or all of them, and
 * the date they make if they make one.
 */
record DateInput(String day, String month, String year) {

    DateInput {
        day = day == null ? "" : day.strip();
        month = month == null ? "" : month.strip();
        year = year == null ? "" : year.strip();
    }

    boolean isBlank() {
        return parts().allMatch(String::isEmpty);
    }

    /** Some of the three typed and not all. */
    boolean isPartial() {
        return !isBlank() && parts().anyMatch(String::isEmpty);
    }

    /** The date, if the three are numbers that make a real one. */
    Optional<LocalDate> date() {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        }
        catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private Stream<String> parts() {
        return Stream.of(day, month, year);
    }

}
