package uk.inspection.ratings.facts;

import java.util.Collection;
import java.util.List;

import uk.inspection.engine.RuleOutput;

/**
 * The rating of one key question: banded from its share, or not applicable when no cases
 * were inspected.
 */
public record KeyQuestionResult(String code, String standard, String status, Integer yes, Integer cases,
        Double percentage, String band, String rating) implements RuleOutput {

    // Strings for the rules to compare with (status == "RATED"), named by ResultStatus.
    public static final String RATED = ResultStatus.RATED.name();

    public static final String NOT_APPLICABLE = ResultStatus.NOT_APPLICABLE.name();

    /**
     * Starts a banded result; the band's rating follows in {@link #withRating(String)}.
     */
    public static KeyQuestionResult banded(KeyQuestionShare share, String band) {
        return new KeyQuestionResult(share.code(), share.standard(), RATED, share.yes(), share.cases(),
                share.percentage(), band, null);
    }

    public static KeyQuestionResult notApplicable(KeyQuestionDefinition question) {
        return new KeyQuestionResult(question.code(), question.standard(), NOT_APPLICABLE, null, null, null, null,
                null);
    }

    public KeyQuestionResult withRating(String newRating) {
        return new KeyQuestionResult(code, standard, status, yes, cases, percentage, band, newRating);
    }

    /** The codes of the given results, sorted: which key questions drove a standard. */
    public static List<String> codesOf(Collection<?> results) {
        return results.stream().map(r -> ((KeyQuestionResult) r).code()).sorted().toList();
    }

    @Override
    public String subject() {
        return "keyQuestions." + code;
    }
}
