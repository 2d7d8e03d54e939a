package uk.inspection.console;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import uk.inspection.diff.FileDiff;
import uk.inspection.engine.DecisionTable;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleEngine;
import uk.inspection.engine.RuleSource;

/**
 * A decision table drawn as the team knows it from the spreadsheet: a column per rule
 * name, condition and action, with its label, and a row per rule, each cell at its sheet
 * address; a draft's validation problems and changed values are marked on the cells they
 * concern.
 */
record TableGrid(String file, String sheet, String title, List<Header> headers, List<GridRow> rows,
        List<String> marked) {

    /** A column: its letter, what it holds (condition, action) and its label. */
    record Header(String letter, String kind, String label) {
    }

    record GridRow(int sheetRow, List<GridCell> cells, String problem) {
    }

    /**
     * One cell: its address, its value, a problem found at it, and its value before the
     * draft if the draft changed it.
     */
    record GridCell(String address, String value, String problem, boolean changed, String before) {
    }

    /** The grids of one table file; a file that holds no rule table has none. */
    static List<TableGrid> of(RuleEngine engine, String path, byte[] content, List<LoadProblem> problems,
            List<FileDiff.CellChange> changes) {
        String name = path.toLowerCase(Locale.ROOT);
        RuleSource.Type type = name.endsWith(".csv") ? RuleSource.Type.CSV_TABLE : RuleSource.Type.WORKBOOK_TABLE;
        List<DecisionTable> tables;
        try {
            tables = engine.readTables(new RuleSource(path, type, content));
        }
        catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<LoadProblem> mine = problems.stream().filter(p -> path.equals(p.file())).toList();
        List<TableGrid> grids = new ArrayList<>();
        for (DecisionTable table : tables) {
            grids.add(grid(path, table, mine, changes));
        }
        return grids;
    }

    private static TableGrid grid(String path, DecisionTable table, List<LoadProblem> problems,
            List<FileDiff.CellChange> changes) {
        List<Header> headers = table.columns()
            .stream()
            .map(c -> new Header(DecisionTable.columnName(c.index()), kind(c.kind()),
                    c.label() != null ? c.label() : Objects.toString(c.code(), "")))
            .toList();
        List<String> placed = new ArrayList<>();
        List<GridRow> rows = new ArrayList<>();
        for (DecisionTable.Row row : table.rows()) {
            List<GridCell> cells = new ArrayList<>();
            for (DecisionTable.Column column : table.columns()) {
                String address = DecisionTable.columnName(column.index()) + row.sheetRow();
                String problem = problems.stream()
                    .filter(p -> address.equals(p.cell()) && sameSheet(p, table))
                    .map(LoadProblem::message)
                    .reduce((a, b) -> a + "; " + b)
                    .orElse(null);
                if (problem != null) {
                    placed.add(address);
                }
                FileDiff.CellChange change = changes.stream()
                    .filter(c -> address.equals(c.cell()) && Objects.equals(c.sheet(), table.sheet()))
                    .findFirst()
                    .orElse(null);
                cells.add(new GridCell(address, row.cell(column.index()), problem, change != null,
                        change == null ? null : change.before()));
            }
            String rowProblem = problems.stream()
                .filter(p -> p.cell() == null && Objects.equals(p.row(), row.sheetRow()) && sameSheet(p, table))
                .map(LoadProblem::message)
                .reduce((a, b) -> a + "; " + b)
                .orElse(null);
            if (rowProblem != null) {
                placed.add("row " + row.sheetRow());
            }
            rows.add(new GridRow(row.sheetRow(), cells, rowProblem));
        }
        return new TableGrid(path, table.sheet(), title(table.title()), headers, rows, placed);
    }

    /** The table's name as the sheet gives it, without Drools' keyword. */
    private static String title(String title) {
        return title != null && title.regionMatches(true, 0, "RuleTable ", 0, 10) ? title.substring(10).strip() : title;
    }

    private static boolean sameSheet(LoadProblem problem, DecisionTable table) {
        return problem.sheet() == null || Objects.equals(problem.sheet(), table.sheet());
    }

    private static String kind(DecisionTable.Kind kind) {
        return switch (kind) {
            case NAME -> "Rule";
            case CONDITION -> "Condition";
            case ACTION -> "Action";
            default -> kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT);
        };
    }

    /** Whether any cell or row of the grid carries a problem. */
    boolean hasProblems() {
        return !marked.isEmpty();
    }

    static Map<String, byte[]> tablesOnly(Map<String, byte[]> files) {
        Map<String, byte[]> tables = new java.util.TreeMap<>();
        files.forEach((path, content) -> {
            String name = path.toLowerCase(Locale.ROOT);
            if (name.endsWith(".drl.xlsx") || name.endsWith(".drl.csv")) {
                tables.put(path, content);
            }
        });
        return tables;
    }

}
