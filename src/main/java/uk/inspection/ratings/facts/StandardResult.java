package uk.inspection.ratings.facts;

import uk.inspection.engine.RuleOutput;

import java.util.List;

/** The outcome for one standard: rated, awaiting the ratings panel, or not applicable. */
public record StandardResult(String code, String status, String rating, Integer score, List<String> drivenBy,
        List<String> options, String reason) implements RuleOutput {

    // Strings for the rules to compare with (status == "RATED"), named by ResultStatus.
    public static final String RATED = ResultStatus.RATED.name();

    public static final String PENDING_PANEL = ResultStatus.PENDING_PANEL.name();

    public static final String NOT_APPLICABLE = ResultStatus.NOT_APPLICABLE.name();

    public StandardResult {
        drivenBy = drivenBy == null ? List.of() : List.copyOf(drivenBy);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static StandardResult rated(String code, String rating, int score, List<String> drivenBy) {
        return new StandardResult(code, RATED, rating, score, drivenBy, null, null);
    }

    public static StandardResult pending(String code, List<String> options, String reason) {
        return new StandardResult(code, PENDING_PANEL, null, null, null, options, reason);
    }

    public static StandardResult notApplicable(String code, String reason) {
        return new StandardResult(code, NOT_APPLICABLE, null, null, null, null, reason);
    }

    @Override
    public String subject() {
        return "standards." + code;
    }
}
