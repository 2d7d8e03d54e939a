package uk.inspection.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import uk.inspection.engine.DecisionTable;

/**
 * Two readings of a decision table, compared row by row and cell by cell: rows are
 * matched by the rule's name within the same table (by sheet row when the name is Drools'
 * default), cells by the column's label, so a row moved down a line is not a change and a
 * renamed band is.
 */
final class TableDiff {

    private TableDiff() {
    }

    static void compare(String path, List<DecisionTable> before, List<DecisionTable> after, List<String> lines,
            List<FileDiff.CellChange> cells) {
        Map<String, DecisionTable> old = byTitle(before);
        Map<String, DecisionTable> now = byTitle(after);
        for (String title : union(old.keySet(), now.keySet())) {
            DecisionTable b = old.get(title);
            DecisionTable a = now.get(title);
            if (b == null || a == null) {
                DecisionTable table = b == null ? a : b;
                lines.add(path + ", " + sheet(table) + "table '" + table.title() + "' "
                        + (b == null ? "added" : "removed") + " (" + table.rows().size() + " rows)");
                continue;
            }
            rows(path, b, a, lines, cells);
        }
    }

    private static void rows(String path, DecisionTable before, DecisionTable after, List<String> lines,
            List<FileDiff.CellChange> cells) {
        Map<String, DecisionTable.Row> old = byRule(before);
        Map<String, DecisionTable.Row> now = byRule(after);
        for (String rule : union(old.keySet(), now.keySet())) {
            DecisionTable.Row b = old.get(rule);
            DecisionTable.Row a = now.get(rule);
            DecisionTable.Row row = a != null ? a : b;
            String where = path + ", " + sheet(after) + "row " + row.sheetRow() + " \"" + rule + "\"";
            List<String> changes = new ArrayList<>();
            for (String label : union(labels(before).keySet(), labels(after).keySet())) {
                String was = b == null ? null : value(before, b, label);
                String is = a == null ? null : value(after, a, label);
                if (Objects.equals(was, is)) {
                    continue;
                }
                Integer column = (a != null ? labels(after) : labels(before)).get(label);
                cells.add(new FileDiff.CellChange(after.sheet(), row.sheetRow(), rule, label,
                        column == null ? null : DecisionTable.columnName(column) + row.sheetRow(), was, is));
                changes.add(label + " " + show(was) + " → " + show(is));
            }
            if (b == null) {
                lines.add(where + " added: " + String.join(", ", changes));
            }
            else if (a == null) {
                lines.add(where + " removed");
            }
            else if (!changes.isEmpty()) {
                lines.add(where + ": " + String.join(", ", changes));
            }
        }
    }

    /** A cell's value, blank as null, by its column's label. */
    private static String value(DecisionTable table, DecisionTable.Row row, String label) {
        Integer column = labels(table).get(label);
        String text = column == null ? "" : row.cell(column);
        return text.isBlank() ? null : text;
    }

    /**
     * Each column's label (its code when it has none; the rule's name column is the row's
     * key, not compared).
     */
    private static Map<String, Integer> labels(DecisionTable table) {
        Map<String, Integer> labels = new LinkedHashMap<>();
        for (DecisionTable.Column column : table.columns()) {
            if (column.kind() != DecisionTable.Kind.NAME) {
                String label = column.label() != null ? column.label()
                        : column.code() != null ? column.code() : DecisionTable.columnName(column.index());
                labels.putIfAbsent(label, column.index());
            }
        }
        return labels;
    }

    private static Map<String, DecisionTable> byTitle(List<DecisionTable> tables) {
        Map<String, DecisionTable> byTitle = new LinkedHashMap<>();
        tables.forEach(t -> byTitle.putIfAbsent(t.sheet() + "/" + t.title(), t));
        return byTitle;
    }

    private static Map<String, DecisionTable.Row> byRule(DecisionTable table) {
        Map<String, DecisionTable.Row> rows = new LinkedHashMap<>();
        table.rows().forEach(r -> rows.putIfAbsent(r.ruleName() == null ? "row " + r.sheetRow() : r.ruleName(), r));
        return rows;
    }

    private static String sheet(DecisionTable table) {
        return table.sheet() == null ? "" : table.sheet() + ", ";
    }

    private static String show(String value) {
        return value == null ? "(blank)" : value;
    }

    private static <T> List<T> union(java.util.Collection<T> a, java.util.Collection<T> b) {
        java.util.LinkedHashSet<T> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

}
