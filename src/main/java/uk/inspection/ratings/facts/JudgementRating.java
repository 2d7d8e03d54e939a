package uk.inspection.ratings.facts;

/**
 * A rating proposed by inspector judgement for a standard that is not computed from
 * cases.
 */
public record JudgementRating(String standard, String rating) {
}
