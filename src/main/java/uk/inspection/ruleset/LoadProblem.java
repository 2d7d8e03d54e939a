package uk.inspection.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A problem found while loading a rule set: the file, a line (DRL) or sheet row (decision table), and what is wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadProblem(String file, Integer line, Integer row, String message) {

    public static LoadProblem inFile(String file, String message) {
        return new LoadProblem(file, null, null, message);
    }

    /** {@code file:row: message}, {@code file:line: message} or {@code file: message}. */
    @Override
    public String toString() {
        Integer where = row != null ? row : line;
        return file + (where != null ? ":" + where : "") + ": " + message;
    }
}
