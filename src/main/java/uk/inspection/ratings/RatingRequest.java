package uk.inspection.ratings;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The facts a client submits for rating (docs/api.md). Which key questions, judgements,
 * ratings and panel choices are acceptable depends on the framework's manifest, so the
 * shape is generic.
 */
public record RatingRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the service inspected",
                example = "Northtown YJS") String service,
        String inspectionType, Map<String, KeyQuestionInput> keyQuestions, List<CaseInput> cases,
        Map<String, Boolean> judgements, Map<String, String> ratings, Map<String, PanelInput> panel, String region,
        String nation, LocalDate fieldworkEnd, List<AlertInput> organisationalAlerts,
        @Schema(description = "The first day of the inspection's fieldwork (ISO date). POST /api/v1/ratings needs"
                + " it to choose the framework in force that day; the framework-path endpoint accepts it and"
                + " rates with the framework named in its path whatever the date.",
                example = "2025-06-02") LocalDate inspectionDate) {

    public RatingRequest {
        keyQuestions = copy(keyQuestions);
        cases = cases == null ? List.of() : cases.stream().toList();
        judgements = copy(judgements);
        ratings = copy(ratings);
        panel = copy(panel);
        organisationalAlerts = organisationalAlerts == null ? List.of() : organisationalAlerts.stream().toList();
    }

    /**
     * A ratings request without the optional context (region, nation, fieldwork end,
     * alerts, inspection date).
     */
    public RatingRequest(String service, String inspectionType, Map<String, KeyQuestionInput> keyQuestions,
            List<CaseInput> cases, Map<String, Boolean> judgements, Map<String, String> ratings,
            Map<String, PanelInput> panel) {
        this(service, inspectionType, keyQuestions, cases, judgements, ratings, panel, null, null, null, null, null);
    }

    /** An organisational alert raised during fieldwork. */
    public record AlertInput(LocalDate raisedOn, String summary) {
    }

    /**
     * Consolidated results for one key question: {@code yes} and {@code cases} counts, or
     * a published percentage.
     */
    public record KeyQuestionInput(
            @Schema(minimum = "0", description = "cases answered yes; with cases", example = "14") Integer yes,
            @Schema(minimum = "0", description = "cases inspected; with yes", example = "20") Integer cases,
            @Schema(minimum = "0", maximum = "100", description = "the published percentage, instead of counts",
                    example = "81") Double percentage) {
    }

    /** One inspected case's yes/no answers, by key question. */
    public record CaseInput(String id, Map<String, Boolean> answers) {
        public CaseInput {
            answers = copy(answers);
        }
    }

    /**
     * A ratings panel's choice for a standard, or its departure from the scoring rule
     * (with a reason).
     */
    public record PanelInput(String rating, String reason) {
    }

    /**
     * Keeps the client's order and tolerates null values, which the validator reports by
     * field.
     */
    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
