package uk.inspection.ratings.facts;

/**
 * The ratings panel's departure from the scoring rule for the overall rating, with its
 * reason.
 */
public record PanelDeparture(String rating, String reason) {
}
