package uk.inspection.followup.facts;

import uk.inspection.engine.RuleOutput;

/** An authority that must consider and respond to a recommendation made to it. */
public record RecommendationResponse(String recommendation, String authority, String name) implements RuleOutput {

    @Override
    public String subject() {
        return "recommendations." + recommendation + ".respondedToBy";
    }
}
