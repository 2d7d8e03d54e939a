package uk.inspection.engine.drools.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.drools.decisiontable.parser.ActionType;
import org.drools.template.model.Package;
import org.drools.template.model.Rule;

import uk.inspection.engine.DecisionTable;
import uk.inspection.engine.LoadProblem;

/**
 * Reads the rule tables of one sheet from what Drools' parser recorded, with the grammar
 * of Drools' {@code DefaultRuleSheetListener}: under the "RuleTable" cell, the row of
 * column types (a keyword or its one-letter code, any case), the row of fact patterns (a
 * merged cell spans columns), the row of code, the row of labels, then one rule per row
 * until a row is skipped or another table starts. Each table also counts the rules Drools
 * generated from it, so a misreading shows.
 */
final class TableReader {

    private static final int COLUMN_TYPE_ROW = 1;

    private static final int PATTERN_ROW = 2;

    private static final int CODE_ROW = 3;

    private static final int LABEL_ROW = 4;

    private static final int FIRST_RULE_ROW = 5;

    /**
     * Quotes an editor's autocorrect types for a straight one; Drools' code needs the
     * straight ones.
     */
    private static final String CURLY_QUOTES = "\u201C\u201D\u2018\u2019";

    private final String file;

    private final SheetRecorder sheet;

    private final Package generated;

    private final Map<String, WorkbookReader.PercentCell> percentCells;

    private final List<LoadProblem> problems;

    private TableReader(String file, SheetRecorder sheet, Package generated,
            Map<String, WorkbookReader.PercentCell> percentCells, List<LoadProblem> problems) {
        this.file = file;
        this.sheet = sheet;
        this.generated = generated;
        this.percentCells = percentCells;
        this.problems = problems;
    }

    /**
     * The sheet's tables; cells Drools would misread (percent formats, curly quotes in
     * code) go to {@code problems}.
     */
    static List<DecisionTable> read(String file, SheetRecorder sheet, Package generated,
            Map<String, WorkbookReader.PercentCell> percentCells, List<LoadProblem> problems) {
        TableReader reader = new TableReader(file, sheet, generated, percentCells, problems);
        List<DecisionTable> tables = new ArrayList<>();
        List<int[]> starts = sheet.tableStarts();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : Integer.MAX_VALUE;
            tables.add(reader.table(starts.get(i)[0], starts.get(i)[1], end));
        }
        return tables;
    }

    private DecisionTable table(int startRow, int startColumn, int nextTableRow) {
        List<DecisionTable.Column> columns = new ArrayList<>();
        TreeMap<Integer, SheetRecorder.Recorded> types = sheet.cells()
            .getOrDefault(startRow + COLUMN_TYPE_ROW, new TreeMap<>());
        types.tailMap(startColumn, true).forEach((column, type) -> {
            String code = text(startRow + CODE_ROW, column);
            columns.add(new DecisionTable.Column(column, kind(type.text()), pattern(startRow + PATTERN_ROW, column),
                    code, text(startRow + LABEL_ROW, column)));
            if (code != null && code.chars().anyMatch(ch -> CURLY_QUOTES.indexOf(ch) >= 0)) {
                problems.add(LoadProblem.inCell(file, sheet.sheet(), startRow + CODE_ROW + 1, column,
                        "the code holds a curly quote (“ ” ‘ ’) where Drools needs a straight one (\" or ')"
                                + " — an editor's autocorrect typed it: " + code));
            }
        });
        Map<Integer, String> names = new HashMap<>();
        int compiled = 0;
        for (Rule rule : generated.getRules()) {
            int row = rule.getSpreadsheetRowNumber() - 1;
            if (row >= startRow + FIRST_RULE_ROW && row < nextTableRow) {
                names.put(row, DecisionTableTranslator.ruleName(rule));
                compiled++;
            }
        }
        return new DecisionTable(file, sheet.sheet(), text(startRow, startColumn), startRow + 1, columns,
                rows(startRow, startColumn, nextTableRow, columns, names), compiled);
    }

    /**
     * Rule rows as Drools takes them: from the first rule row, each row with a cell in
     * the table's columns is the next rule, until a row is skipped. (Drools makes the
     * first rule before it sees a cell, so a table whose first rule row is blank has one
     * rule more than it has rows: the check against {@code compiledRules} catches it.)
     */
    private List<DecisionTable.Row> rows(int startRow, int startColumn, int nextTableRow,
            List<DecisionTable.Column> columns, Map<Integer, String> names) {
        List<Integer> tableColumns = columns.stream().map(DecisionTable.Column::index).toList();
        List<DecisionTable.Row> rows = new ArrayList<>();
        int ruleRow = startRow + FIRST_RULE_ROW;
        for (Map.Entry<Integer, TreeMap<Integer, SheetRecorder.Recorded>> entry : sheet.cells()
            .tailMap(ruleRow, true)
            .headMap(nextTableRow, false)
            .entrySet()) {
            int row = entry.getKey();
            Map<Integer, String> cells = new LinkedHashMap<>();
            entry.getValue().tailMap(startColumn, true).forEach((column, cell) -> {
                if (tableColumns.contains(column)) {
                    cells.put(column, cell.text());
                }
            });
            if (cells.isEmpty()) {
                continue;
            }
            if (row - ruleRow > 1) {
                break;
            }
            if (row > ruleRow) {
                ruleRow++;
            }
            cells.keySet().forEach(column -> percent(row, column));
            rows.add(new DecisionTable.Row(row + 1, names.get(row), cells));
        }
        return rows;
    }

    private void percent(int row, int column) {
        WorkbookReader.PercentCell cell = percentCells.get(WorkbookReader.key(sheet.sheet(), row, column));
        if (cell != null) {
            problems.add(LoadProblem.inCell(file, sheet.sheet(), row + 1, column,
                    "formatted as a percentage: Drools reads it as " + cell.readAs() + "; use General format"));
        }
    }

    /**
     * The column type as Drools' {@code ActionType} reads it: the keyword, or its first
     * letter as a code.
     */
    private static DecisionTable.Kind kind(String header) {
        String upper = header.toUpperCase(Locale.ROOT);
        ActionType.Code code = ActionType.getTag2code().get(upper);
        if (code == null) {
            code = ActionType.getTag2code().get(upper.substring(0, 1));
        }
        if (code == null) {
            return DecisionTable.Kind.ATTRIBUTE;
        }
        return switch (code) {
            case NAME -> DecisionTable.Kind.NAME;
            case CONDITION -> DecisionTable.Kind.CONDITION;
            case ACTION -> DecisionTable.Kind.ACTION;
            case SALIENCE -> DecisionTable.Kind.PRIORITY;
            case DESCRIPTION -> DecisionTable.Kind.DESCRIPTION;
            case METADATA -> DecisionTable.Kind.METADATA;
            default -> DecisionTable.Kind.ATTRIBUTE;
        };
    }

    /**
     * The fact pattern over a column: its own cell, or the first cell of the merged
     * region it lies in.
     */
    private String pattern(int row, int column) {
        SheetRecorder.Recorded cell = sheet.cell(row, column);
        return cell == null ? null : cell.text();
    }

    private String text(int row, int column) {
        SheetRecorder.Recorded cell = sheet.cell(row, column);
        return cell == null ? null : cell.text();
    }

}
