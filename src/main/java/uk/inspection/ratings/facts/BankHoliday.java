package uk.inspection.ratings.facts;

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
        return new BankHoliday(LocalDate.parse(date.strip()), name,
                Arrays.stream(nations.split(",")).map(String::strip).toList());
    }
}
