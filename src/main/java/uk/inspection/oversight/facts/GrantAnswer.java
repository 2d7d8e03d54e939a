package uk.inspection.oversight.facts;

/** The service's answer to one grant condition: YES, NO or N/A. */
public record GrantAnswer(String ref, String answer) {
}
