package uk.inspection.problem;

/**
 * One thing wrong with a request: the field (a dotted path into the body) and what is
 * wrong with it.
 */
public record FieldProblem(String field, String message) {
}
