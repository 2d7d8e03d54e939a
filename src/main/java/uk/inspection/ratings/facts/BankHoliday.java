package uk.inspection.ratings.facts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A bank holiday and the nations that keep it. */
public record BankHoliday(LocalDate date, String name, List<String> nations) {

    public BankHoliday {
        nations = List.copyOf(nations);
    }

    /** From table cells: an ISO date, a name, nations separated by commas. */
    public static BankHoliday of(String date, String name, String nations) {
        return new BankHoliday(date(date.strip()), name, Arrays.stream(nations.split(",")).map(String::strip).toList());
    }

    /**
     * An ISO date as {@link LocalDate#parse} reads it; the plain {@code yyyy-mm-dd} form
     * read directly, since the rules insert every holiday on every request and the
     * formatter was a twentieth of a decision's time.
     */
    private static LocalDate date(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' && digits(text, 0, 4)
                && digits(text, 5, 7) && digits(text, 8, 10)) {
            try {
                return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                        Integer.parseInt(text, 8, 10, 10));
            }
            catch (DateTimeException e) {
                // 2025-02-30: LocalDate.parse gives the error its usual words
            }
        }
        return LocalDate.parse(text);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
