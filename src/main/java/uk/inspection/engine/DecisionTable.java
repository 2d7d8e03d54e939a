package uk.inspection.engine;

import java.util.List;
import java.util.Map;

/**
 * A decision table as the engine read it from a sheet, for the checks a rule set must
 * pass before it is served: its columns (kind, fact type, code and label, as the header
 * rows give them) and its rule rows with the text of each cell, exactly as the engine
 * compiled them. {@code compiledRules} is how many rules the engine generated from the
 * table: a reader that saw a different number of rows has misread it.
 */
public record DecisionTable(String file, String sheet, String title, int sheetRow, List<Column> columns, List<Row> rows,
        int compiledRules) {

    public DecisionTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** What a column holds, as its header cell says (Drools' column types). */
    public enum Kind {

        NAME, CONDITION, ACTION, PRIORITY, DESCRIPTION, METADATA, ATTRIBUTE

    }

    /**
     * One column: its 0-based index and kind; for a condition, the fact pattern its
     * constraints join (the object-type row, {@code $share : KeyQuestionShare}; null when
     * it has none); its code and label.
     */
    public record Column(int index, Kind kind, String pattern, String code, String label) {
    }

    /**
     * One rule: its 1-based sheet row, the rule's name and each non-blank cell's text by
     * column index.
     */
    public record Row(int sheetRow, String ruleName, Map<Integer, String> cells) {
        public Row {
            cells = Map.copyOf(cells);
        }

        public String cell(int column) {
            return cells.getOrDefault(column, "");
        }
    }

    public List<Column> columns(Kind kind) {
        return columns.stream().filter(c -> c.kind() == kind).toList();
    }

    /** A 0-based column index as a spreadsheet letter: 0 → A, 25 → Z, 26 → AA. */
    public static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }
}
