package uk.inspection.followup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import uk.inspection.decision.DecisionResponse;
import uk.inspection.engine.TraceEntry;

/**
 * The follow-up of a report's recommendations: who prepares the action plan, when it and
 * its updates are due, who responds to each recommendation, and what the rules flag
 * (docs/api.md).
 */
public record FollowUpResponse(String ruleset, String rulesetVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant rulesetEffectiveFrom, String report, String reportKind,
        ActionPlanView actionPlan, List<RecommendationView> recommendations, List<Notice> flags, List<TraceEntry> trace,
        @JsonInclude(JsonInclude.Include.NON_NULL) String decisionId) implements DecisionResponse {

    /** The outcome in a word, as records and comparisons label it. */
    @JsonIgnore
    public String summary() {
        return "ACTION_PLAN_BY_" + actionPlan.preparedBy();
    }

    /** {@code due}: each due date by step, in the order the rules gave them. */
    public record ActionPlanView(String preparedBy, String preparedByName, String with, String publishedOn,
            Map<String, String> due, String followUp) {
    }

    /** A recommendation and the authorities that must respond to it. */
    public record RecommendationView(String id, List<String> addressedTo, List<String> respondedToBy) {
    }

    public record Notice(String code, String message) {
    }
}
