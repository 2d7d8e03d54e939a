package uk.inspection.followup.facts;

/** How many recommendations a report of this kind usually makes at most. */
public record RecommendationLimit(String reportKind, int usualMost) {
}
