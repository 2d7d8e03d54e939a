package uk.inspection.ratings.facts;

/**
 * A key question in scope for this inspection, as the manifest declares it ({@code CASES}
 * or {@code JUDGEMENT}).
 */
public record KeyQuestionDefinition(String code, String standard, String answeredBy) {
}
