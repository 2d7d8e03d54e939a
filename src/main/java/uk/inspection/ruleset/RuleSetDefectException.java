package uk.inspection.ruleset;

/** A rule set compiled but misbehaved while evaluating (a rule threw, or looped). The rules need fixing, not the request. */
public class RuleSetDefectException extends RuntimeException {

    public RuleSetDefectException(String message) {
        super(message);
    }

    public RuleSetDefectException(String message, Throwable cause) {
        super(message, cause);
    }
}
