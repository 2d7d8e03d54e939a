package uk.inspection.ratings.facts;

/**
 * The share of inspected cases answered yes for one key question, unrounded. {@code yes}
 * and {@code cases} are null when the request gave a published percentage instead of
 * counts. Key questions with no inspected cases have no share.
 */
public record KeyQuestionShare(String code, String standard, Integer yes, Integer cases, double percentage) {

    /** A share counted from cases: yes × 100 / cases, unrounded. */
    public static KeyQuestionShare counted(String code, String standard, int yes, int cases) {
        return new KeyQuestionShare(code, standard, yes, cases, yes * 100.0 / cases);
    }

    /** A share given as a published percentage. */
    public static KeyQuestionShare published(String code, String standard, double percentage) {
        return new KeyQuestionShare(code, standard, null, null, percentage);
    }

    public boolean isCounted() {
        return cases != null;
    }

    /** The same cases with another number of them answered yes. */
    public KeyQuestionShare withYes(int newYes) {
        return counted(code, standard, newYes, cases);
    }

    /** Another published percentage. */
    public KeyQuestionShare withPercentage(double newPercentage) {
        return published(code, standard, newPercentage);
    }

}
