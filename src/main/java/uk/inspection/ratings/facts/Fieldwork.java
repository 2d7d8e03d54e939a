package uk.inspection.ratings.facts;

import java.time.LocalDate;

/** The last day of fieldwork, and the nation whose calendar and timescales apply. */
public record Fieldwork(LocalDate end, String nation) {
}
