package uk.inspection.followup.facts;

/**
 * One authority a recommendation is addressed to, with the request field that names it
 * ({@code recommendations[0].addressedTo[1]}).
 */
public record Addressee(String recommendation, String authority, String field) {
}
