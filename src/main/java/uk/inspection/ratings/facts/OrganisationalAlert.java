package uk.inspection.ratings.facts;

import java.time.LocalDate;

/**
 * An organisational alert raised during fieldwork: a systemic, significant and imminent
 * risk.
 */
public record OrganisationalAlert(LocalDate raisedOn, String summary) {
}
