package uk.inspection.ratings.facts;

/**
 * A standard in scope for this inspection, as the framework's manifest declares it.
 * {@code required} is false for a judged standard the request may leave out, so the rules
 * can say what leaving it out means.
 */
public record StandardDefinition(String code, String name, String ratedFrom, boolean countsTowardOverall,
        boolean required) {
}
