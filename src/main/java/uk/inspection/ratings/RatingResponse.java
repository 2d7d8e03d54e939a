package uk.inspection.ratings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

import uk.inspection.decision.DecisionResponse;
import uk.inspection.engine.TraceEntry;
import uk.inspection.ratings.facts.OverallStatus;
import uk.inspection.ratings.facts.ResultStatus;

/**
 * A rating decision, with the rule-set version that produced it and the rule behind each
 * result (docs/api.md).
 */
@JsonPropertyOrder({ "ruleset", "framework", "rulesetVersion" })
public record RatingResponse(@Schema(deprecated = true,
        description = "Deprecated: the same as ruleset, which every response carries; kept for one release.") String framework,
        String rulesetVersion, @JsonInclude(JsonInclude.Include.NON_NULL) Instant rulesetEffectiveFrom, String service,
        String inspectionType, Map<String, KeyQuestionOutcome> keyQuestions, Map<String, StandardOutcome> standards,
        OverallOutcome overall, List<Notice> flags, List<Notice> triggers,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "With fieldworkEnd and nation: each step of the framework's timeline by name, an ISO"
                        + " date, nested where the rules' step names have a dot (reactiveInspectionWindow.from).",
                example = "{\"ratingDecision\": \"2025-03-19\", \"publication\": \"2025-05-28\","
                        + " \"reactiveInspectionWindow\": {\"from\": \"2025-05-28\", \"to\": \"2026-05-28\"}}") Map<String, Object> timeline,
        List<TraceEntry> trace,
        @JsonInclude(JsonInclude.Include.NON_NULL) String decisionId) implements DecisionResponse {

    /**
     * The rule set the decision came from, named as oversight and follow-up responses
     * name it.
     */
    @Override
    @JsonProperty("ruleset")
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The rule set the decision came from.",
            example = "yj-2024")
    public String ruleset() {
        return framework;
    }

    /**
     * The outcome in a word, as records and comparisons label it: the overall rating when
     * final, else its status.
     */
    @JsonIgnore
    public String summary() {
        return overall.status() == OverallStatus.FINAL ? overall.rating() : overall.status().name();
    }

    /**
     * A key question: banded share (counts or published percentage), a yes/no judgement,
     * or not applicable.
     */
    public record KeyQuestionOutcome(ResultStatus status, @JsonInclude(JsonInclude.Include.NON_NULL) Integer yes,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer cases,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double percentage,
            @JsonInclude(JsonInclude.Include.NON_NULL) String band, String rating,
            @JsonInclude(JsonInclude.Include.NON_NULL) String answer) {
    }

    public record StandardOutcome(String name, ResultStatus status, String rating, Integer score,
            boolean countsTowardOverall, List<String> drivenBy,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> options,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    }

    /**
     * {@code FINAL}, {@code PENDING_PANEL} (with options) or {@code INCOMPLETE} (with
     * reasons).
     */
    public record OverallOutcome(OverallStatus status, Integer score, String rating, String computedRating,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<OverallOption> options,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> reasons) {
    }

    public record OverallOption(Map<String, String> choices, int score, String rating) {
    }

    public record Notice(String code, String message) {
    }
}
