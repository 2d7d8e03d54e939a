package uk.inspection.followup;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspection report whose recommendations are to be followed up (docs/api.md,
 * probation follow-up): its kind, the dates its draft was received for factual accuracy
 * checks and it was published, and each recommendation with the authorities it is
 * addressed to. Which kinds, authorities and dates count is for the rule set.
 */
public record FollowUpRequest(String report, String reportKind, LocalDate draftReceived, LocalDate published,
        List<RecommendationInput> recommendations) {

    public FollowUpRequest {
        recommendations = recommendations == null ? List.of() : recommendations.stream().toList();
    }

    /** A recommendation: its id, its words, and whom it is addressed to. */
    public record RecommendationInput(String id, String text, List<String> addressedTo) {
        public RecommendationInput {
            addressedTo = addressedTo == null ? List.of() : addressedTo.stream().toList();
        }
    }
}
