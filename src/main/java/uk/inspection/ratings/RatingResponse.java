package uk.inspection.ratings;

import java.time.Instant;
import java.util.LinkedHashMap;
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

    /** The same decision with these key questions' margins. */
    RatingResponse withMargins(Map<String, Margins> margins) {
        Map<String, KeyQuestionOutcome> explained = new LinkedHashMap<>();
        keyQuestions.forEach((code, outcome) -> explained.put(code,
                margins.containsKey(code) ? outcome.withMargins(margins.get(code)) : outcome));
        return new RatingResponse(framework, rulesetVersion, rulesetEffectiveFrom, service, inspectionType, explained,
                standards, overall, flags, triggers, timeline, trace, decisionId);
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
            @JsonInclude(JsonInclude.Include.NON_NULL) String answer,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                    description = "With ?explain=margins, on a key question rated from cases or a percentage: how far"
                            + " it is from the next band up and down (docs/api.md, \"Margins\").") Margins margins) {

        /**
         * Without margins: every rating unless {@code ?explain=margins} asks for them.
         */
        public KeyQuestionOutcome(ResultStatus status, Integer yes, Integer cases, Double percentage, String band,
                String rating, String answer) {
            this(status, yes, cases, percentage, band, rating, answer, null);
        }

        KeyQuestionOutcome withMargins(Margins newMargins) {
            return new KeyQuestionOutcome(status, yes, cases, percentage, band, rating, answer, newMargins);
        }

    }

    /**
     * The nearest change of band each way, found by deciding again with the rules; no
     * {@code up} at the top band, no {@code down} at the bottom.
     */
    public record Margins(@JsonInclude(JsonInclude.Include.NON_NULL) Margin up,
            @JsonInclude(JsonInclude.Include.NON_NULL) Margin down) {
    }

    /**
     * The fewest cases re-answered (or whole percentage points) that move a key question
     * to another rating, and what it, its standard and (only where it changes) the
     * overall would then be; {@code refused} instead of the standard and overall when the
     * rules would refuse the changed facts (a panel choice the victims' matrix no longer
     * permits).
     */
    public record Margin(@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
            description = "cases answered no that would need answering yes (up), or yes that would need answering no"
                    + " (down), the number of cases unchanged") Integer cases,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                    description = "for a published percentage: whole percentage points added (up) or taken (down)") Integer points,
            String rating,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                    description = "the standard's rating then; LOW..HIGH (or one rating) while it awaits the ratings panel") String standard,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                    description = "only when it changes: the overall the scoring rule gives then (computedRating);"
                            + " LOW..HIGH over the options while a standard awaits the ratings panel") String overall,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> refused) {
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
