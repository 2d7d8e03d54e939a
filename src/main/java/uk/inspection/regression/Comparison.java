package uk.inspection.regression;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A compare run's result, written as the JSON report and rendered as the Markdown one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(SideReport baseline, SideReport candidate, int total, int changed,
        List<ComparedDecision> decisions, Map<String, Integer> transitions, List<String> skipped) {

    /**
     * One side: where its rules were read, which framework and version; for a version
     * read from the rule store as of an instant, when that version took effect.
     */
    public record SideReport(String home, String framework, String rulesetVersion, Map<String, String> rulesetVersions,
            @JsonInclude(JsonInclude.Include.NON_NULL) String effectiveFrom) {

        /** A side read from a rules home, or from a store commit that is not as-of. */
        public SideReport(String home, String framework, String rulesetVersion, Map<String, String> rulesetVersions) {
            this(home, framework, rulesetVersion, rulesetVersions, null);
        }

    }

    /**
     * One fixture through both sides: each side's overall, whether anything changed, and
     * what.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComparedDecision(String fixture, Outcome baseline, Outcome candidate, boolean changed,
            List<DecisionDifferences.Difference> differences, MissingEvidenceRange.Range candidateRange) {
    }

    /** A decision's status and overall, as the transition matrix labels it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String framework, int status, String overall, Integer score) {
    }

    /**
     * The same comparison, its sides described as given (a store commit rather than a
     * folder).
     */
    public Comparison describedAs(SideReport baselineSide, SideReport candidateSide) {
        return new Comparison(baselineSide, candidateSide, total, changed, decisions, transitions, skipped);
    }
}
