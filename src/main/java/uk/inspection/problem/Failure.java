package uk.inspection.problem;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import uk.inspection.engine.RuleLocation;

/**
 * Why a request was not decided, as a value: its kind from the {@link ProblemType}
 * catalogue, what happened in words a client can act on, and the fields at fault.
 * {@link Problems} turns it into the {@code application/problem+json} answer, for the
 * HTTP API and the command line alike.
 */
public record Failure(ProblemType type, String detail, List<FieldProblem> errors, Integer totalErrors,
        RuleLocation culprit) {

    public Failure {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A failure that lists every field at fault (or none). */
    public Failure(ProblemType type, String detail, List<FieldProblem> errors) {
        this(type, detail, errors, null, null);
    }

    /** A body that could not be read as the request's JSON shape. */
    public static Failure malformed(FieldProblem problem) {
        return new Failure(ProblemType.MALFORMED_REQUEST, problem.message(), List.of(problem));
    }

    /**
     * Well-formed facts the manifest or the rules cannot accept, listed up to the default
     * limit.
     */
    public static Failure invalidFacts(List<FieldProblem> problems) {
        return invalidFacts(problems, RequestLimits.DEFAULTS.errorsListed());
    }

    /**
     * Well-formed facts the manifest or the rules cannot accept, by field: the first
     * {@code listed} of them, with the total when there are more.
     */
    public static Failure invalidFacts(List<FieldProblem> problems, int listed) {
        String count = problems.size() + (problems.size() == 1 ? " problem" : " problems");
        if (problems.size() <= listed) {
            return new Failure(ProblemType.INVALID_FACTS, count, problems);
        }
        return new Failure(ProblemType.INVALID_FACTS, count + "; the first " + listed + " are listed",
                problems.subList(0, listed), problems.size(), null);
    }

    public static Failure unknownFramework(String framework, Collection<String> known) {
        return new Failure(ProblemType.UNKNOWN_FRAMEWORK,
                "no framework '" + framework + "'; frameworks: " + String.join(", ", known), null);
    }

    /**
     * The framework exists but does not serve this kind of request (an oversight rule set
     * asked for ratings).
     */
    public static Failure notA(String kind, String framework, Collection<String> ofThatKind) {
        return new Failure(ProblemType.UNKNOWN_FRAMEWORK, framework + " is not a " + kind + " framework; " + kind
                + " frameworks: " + String.join(", ", ofThatKind), null);
    }

    /**
     * The framework exists but its rule files have never built, so nothing can be served
     * for it.
     */
    public static Failure ruleSetUnavailable(String framework) {
        return new Failure(ProblemType.RULE_SET_UNAVAILABLE,
                "the rule set '" + framework
                        + "' did not build and has no earlier good version; see GET /api/v1/frameworks/" + framework
                        + " for its errors",
                null);
    }

    /**
     * The framework's published files cannot be read from the rule store: it answers
     * nothing until an operator restores the store.
     */
    public static Failure ruleSetDamaged(String framework, String damage) {
        return new Failure(ProblemType.RULE_SET_UNAVAILABLE,
                "the rule set '" + framework + "' is not served: its files in the rule store are damaged (" + damage
                        + "); the store must be restored by an operator",
                null);
    }

    /** A request pinned a rule-set version that is not kept. */
    public static Failure versionGone(String framework, String version, String kept) {
        return new Failure(ProblemType.VERSION_GONE, "rule-set version " + version + " of " + framework
                + " is not kept (" + kept + "; GET /api/v1/frameworks/" + framework + "/versions lists them)", null);
    }

    /**
     * The rule set compiled but gave no decision for this request: the rules need fixing,
     * not the request.
     */
    public static Failure ruleSetDefect(String detail) {
        return new Failure(ProblemType.RULE_SET_DEFECT, detail, null);
    }

    /**
     * The rules ran away on this request (threw, looped, or ran past their deadline),
     * with the rule to blame if known: the version is withdrawn from service.
     */
    public static Failure runaway(String detail, RuleLocation culprit) {
        return new Failure(ProblemType.RULE_SET_DEFECT, detail, List.of(), null,
                culprit == null ? RuleLocation.UNKNOWN : culprit);
    }

    /** Whether the rules ran away, rather than the request being refused or undecided. */
    public boolean isRunaway() {
        return culprit != null;
    }

    public FailureException exception() {
        return new FailureException(this);
    }
}
