package uk.inspection.web;

/** A request named a framework that has no rule-set folder; answered with 404. */
public class UnknownFrameworkException extends RuntimeException {

    public UnknownFrameworkException(String framework, Iterable<String> known) {
        super("no framework '" + framework + "'; frameworks: " + String.join(", ", known));
    }
}
