package uk.inspection.engine;

/**
 * A fact a rule inserted, with the rule and where it was written (a table row, a DRL
 * line); {@code fromTable} when the rule is a decision table's row.
 */
public record InsertedFact(Object fact, String rule, String source, String detail, boolean fromTable) {
}
