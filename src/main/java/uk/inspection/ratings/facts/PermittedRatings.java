package uk.inspection.ratings.facts;

import uk.inspection.engine.RuleOutput;

import java.util.List;

/**
 * The ratings the rules permit the panel to choose from for a standard (the victims'
 * matrix in 2024).
 */
public record PermittedRatings(String standard, List<String> options) implements RuleOutput {

    public PermittedRatings {
        options = List.copyOf(options);
    }

    public static PermittedRatings of(String standard, String... options) {
        return new PermittedRatings(standard, List.of(options));
    }

    @Override
    public String subject() {
        return "standards." + standard + ".options";
    }
}
