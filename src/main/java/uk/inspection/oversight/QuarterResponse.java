package uk.inspection.oversight;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.inspection.decision.DecisionResponse;

/** Every service's recommendation, and the quarter summarised by quadrant. */
public record QuarterResponse(String ruleset, String rulesetVersion, String quarter, List<OversightResponse> results,
        Summary summary,
        @JsonInclude(JsonInclude.Include.NON_NULL) String decisionId) implements DecisionResponse<QuarterResponse> {

    /** The same quarter, with the id it was recorded under. */
    @Override
    public QuarterResponse withDecisionId(String id) {
        return new QuarterResponse(ruleset, rulesetVersion, quarter, results, summary, id);
    }

    public record Summary(int services, Map<String, Integer> byQuadrant, int priorityServices,
            List<OversightResponse.Notice> flags) {
    }
}
