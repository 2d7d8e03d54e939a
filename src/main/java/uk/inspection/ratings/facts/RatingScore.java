package uk.inspection.ratings.facts;

/**
 * One step of the framework's rating scale, from its manifest: a rating code and its
 * score.
 */
public record RatingScore(String rating, String label, int score) {
}
