package uk.inspection.engine;

/**
 * Where a rule is written: its name, its file, and its line (DRL) or sheet row (decision
 * table); either may be unknown.
 */
public record RuleLocation(String rule, String file, Integer line, Integer row) {

    /** A rule that could not be told. */
    public static final RuleLocation UNKNOWN = new RuleLocation(null, null, null, null);

    /** A load problem at the rule's place. */
    public LoadProblem problem(String message) {
        return new LoadProblem(file, line, row, message);
    }

    /** {@code the rule "x" (rules/a.drl:12)}. */
    @Override
    public String toString() {
        if (rule == null) {
            return "an unknown rule";
        }
        Integer at = line != null ? line : row;
        return "the rule \"" + rule + "\"" + (file == null ? "" : " (" + file + (at == null ? "" : ":" + at) + ")");
    }
}
