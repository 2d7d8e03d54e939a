package uk.inspection.followup.facts;

/**
 * An authority a recommendation may be targeted at, as a row of the authorities table.
 */
public record Authority(String code, String name) {
}
