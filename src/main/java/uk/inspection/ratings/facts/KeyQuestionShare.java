package uk.inspection.ratings.facts;

/**
 * The share of inspected cases answered yes for one key question, unrounded. {@code yes}
 * and {@code cases} are null when the request gave a published percentage instead of
 * counts. Key questions with no inspected cases have no share.
 */
public record KeyQuestionShare(String code, String standard, Integer yes, Integer cases, double percentage) {
}
