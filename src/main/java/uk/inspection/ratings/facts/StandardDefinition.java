package uk.inspection.ratings.facts;

/** A standard in scope for this inspection, as the framework's manifest declares it. */
public record StandardDefinition(String code, String name, String ratedFrom, boolean countsTowardOverall) {
}
