package uk.inspection.engine;

/**
 * A fact that rules insert as a decision, reported with the rule that inserted it;
 * {@link #subject()} says which part of the response it decides.
 */
public interface RuleOutput {

    /**
     * Where the result appears in the response, e.g. {@code keyQuestions.2.1.1} or
     * {@code overall}.
     */
    String subject();

}
