package uk.inspection.ratings.facts;

/** The ratings panel's choice for a standard whose rules permit more than one rating. */
public record PanelChoice(String standard, String rating) {
}
