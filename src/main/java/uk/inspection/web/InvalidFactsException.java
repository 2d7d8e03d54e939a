package uk.inspection.web;

import java.util.List;

/** Well-formed facts the rules cannot accept; answered with 422 and every problem found. */
public class InvalidFactsException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidFactsException(List<FieldProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
