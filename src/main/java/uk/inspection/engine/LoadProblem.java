package uk.inspection.engine;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A problem found while loading a rule set: the file, a line (DRL) or sheet row (decision
 * table), for a table the sheet and cell when one is to blame, and what is wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadProblem(String file, Integer line, Integer row, String sheet, String cell, String message) {

    /**
     * Drools' parser follows some errors with the exception it met and its stack trace:
     * the service's insides, nothing the author of the rule can act on, and not for an
     * answer.
     */
    private static final String EXCEPTION = ". Exception: ";

    public LoadProblem {
        if (message != null && message.contains(EXCEPTION)) {
            message = message.substring(0, message.indexOf(EXCEPTION) + 1);
        }
    }

    public LoadProblem(String file, Integer line, Integer row, String message) {
        this(file, line, row, null, null, message);
    }

    public static LoadProblem inFile(String file, String message) {
        return new LoadProblem(file, null, null, message);
    }

    /**
     * A problem at a cell of a decision table: {@code column} 0-based, {@code row} the
     * sheet's 1-based row.
     */
    public static LoadProblem inCell(String file, String sheet, int row, int column, String message) {
        return new LoadProblem(file, null, row, sheet, DecisionTable.columnName(column) + row, message);
    }

    /** At a sheet row of a decision table, with no one cell to blame. */
    public static LoadProblem inRow(String file, String sheet, int row, String message) {
        return new LoadProblem(file, null, row, sheet, null, message);
    }

    /**
     * {@code file:row: message}, {@code file:line: message} or {@code file: message}; a
     * table's sheet and cell before the message.
     */
    @Override
    public String toString() {
        Integer where = row != null ? row : line;
        String place = (sheet == null ? "" : "sheet " + sheet + (cell == null ? "" : ", "))
                + (cell == null ? "" : "cell " + cell) + (sheet == null && cell == null ? "" : ": ");
        return file + (where != null ? ":" + where : "") + ": " + place + message;
    }
}
