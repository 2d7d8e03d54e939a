package uk.inspection.oversight;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.inspection.decision.DecisionResponse;

/** Every service's recommendation, and the quarter summarised by quadrant. */
public record QuarterResponse(String ruleset, String rulesetVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant rulesetEffectiveFrom, String quarter,
        List<OversightResponse> results, Summary summary,
        @JsonInclude(JsonInclude.Include.NON_NULL) String decisionId) implements DecisionResponse {

    public record Summary(int services, Map<String, Integer> byQuadrant, int priorityServices,
            List<OversightResponse.Notice> flags) {
    }
}
