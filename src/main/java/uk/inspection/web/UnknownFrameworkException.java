package uk.inspection.web;

/** A request named a framework that has no rule-set folder, or one of the wrong kind; answered with 404. */
public class UnknownFrameworkException extends RuntimeException {

    public UnknownFrameworkException(String framework, Iterable<String> known) {
        super("no framework '" + framework + "'; frameworks: " + String.join(", ", known));
    }

    private UnknownFrameworkException(String message) {
        super(message);
    }

    /** The framework exists but does not serve this kind of request (an oversight rule set asked for ratings). */
    public static UnknownFrameworkException notA(String kind, String framework, Iterable<String> ofThatKind) {
        return new UnknownFrameworkException(framework + " is not a " + kind + " framework; " + kind + " frameworks: "
                + String.join(", ", ofThatKind));
    }
}
