package uk.inspection.oversight.facts;

import uk.inspection.engine.RuleOutput;

/**
 * A key performance indicator (Annex B) and which way is better: HIGHER_IS_BETTER or
 * LOWER_IS_BETTER.
 */
public record KpiDefinition(String code, String name, String direction) implements RuleOutput {

    public static final String HIGHER_IS_BETTER = "HIGHER_IS_BETTER";

    public boolean higherIsBetter() {
        return HIGHER_IS_BETTER.equals(direction);
    }

    @Override
    public String subject() {
        return "kpis." + code;
    }
}
