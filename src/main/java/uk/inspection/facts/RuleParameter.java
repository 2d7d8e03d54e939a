package uk.inspection.facts;

/**
 * A named number a rule set chooses for itself, set in a decision table so the
 * methodology team can change it (for example how many points from a boundary count as
 * "close").
 */
public record RuleParameter(String name, double value) {

    public int intValue() {
        return (int) Math.round(value);
    }
}
