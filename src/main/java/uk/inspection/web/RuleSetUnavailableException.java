package uk.inspection.web;

/** The framework exists but its rule files have never built, so nothing can be served for it; answered with 503. */
public class RuleSetUnavailableException extends RuntimeException {

    public RuleSetUnavailableException(String framework) {
        super("the rule set '" + framework + "' did not build and has no earlier good version;"
                + " see GET /api/v1/frameworks/" + framework + " for its errors");
    }
}
