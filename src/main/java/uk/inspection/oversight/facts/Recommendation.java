package uk.inspection.oversight.facts;

import uk.inspection.engine.RuleOutput;

/** The quadrant the criteria give, before any hold for unmet exit criteria. */
public record Recommendation(int quadrant) implements RuleOutput {

    @Override
    public String subject() {
        return "recommendedQuadrant";
    }
}
