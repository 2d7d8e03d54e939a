package uk.inspection.oversight.facts;

import uk.inspection.engine.RuleOutput;

/**
 * A reason given for the service's quadrant: a criterion that fired, the default, or a
 * hold.
 */
public record Reason(String code, int quadrant, String message) implements RuleOutput {

    public static Reason of(Criterion criterion) {
        return new Reason(criterion.code(), criterion.quadrant(), criterion.message());
    }

    @Override
    public String subject() {
        return "reasons." + code;
    }
}
