package uk.inspection.oversight;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import uk.inspection.decision.DecisionResponse;
import uk.inspection.engine.TraceEntry;

/**
 * The recommendation for one service's quarter, with the reason for every criterion that
 * fired (docs/api.md).
 */
public record OversightResponse(String ruleset, String rulesetVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant rulesetEffectiveFrom, String service, String quarter,
        Integer quadrant, Integer recommendedQuadrant, String label, Boolean priorityService, String escalationStage,
        List<String> actions, List<ReasonView> reasons, GrantComplianceView grantCompliance, List<Notice> triggers,
        List<TraceEntry> trace,
        @JsonInclude(JsonInclude.Include.NON_NULL) String decisionId) implements DecisionResponse {

    /** The outcome in a word, as records and comparisons label it. */
    @JsonIgnore
    public String summary() {
        return "QUADRANT_" + quadrant;
    }

    public record ReasonView(String code, int quadrant, String message) {
    }

    public record GrantComplianceView(String status, List<String> failed, List<String> missing) {
    }

    public record Notice(String code, String message) {
    }
}
