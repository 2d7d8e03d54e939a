package uk.inspection.oversight.facts;

/**
 * A concern the oversight team records about the service (codes in the rule set's
 * manifest).
 */
public record Concern(String code) {
}
