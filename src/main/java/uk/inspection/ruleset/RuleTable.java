package uk.inspection.ruleset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision table as Drools reads it from a sheet: under the "RuleTable" cell, a row of column
 * types, a row of fact types, a row of code, a row of labels, then one rule per row until a blank
 * row. Condition columns whose code compares a field with {@code $param} are understood as ranges
 * ({@code >=}, {@code >}, {@code <}, {@code <=}) or values ({@code ==}).
 */
record RuleTable(List<Condition> conditions, List<Integer> actions, List<DataRow> rows) {

    private static final Pattern BOUND = Pattern.compile("(\\w+)\\s*(>=|>|<=|<)\\s*\\$param");
    private static final Pattern EQUALS = Pattern.compile("(\\w+)\\s*==\\s*\"?\\$param\"?");
    private static final Pattern OBJECT = Pattern.compile("(?:\\$\\w+\\s*:\\s*)?(\\w+)");

    /** A condition column: which fact field it tests ({@code Fact.field}), and how. */
    record Condition(int column, String field, String operator) {
        boolean isBound() {
            return !operator.equals("==");
        }
    }

    /** One rule row: its sheet row, the interval of each range field, the value of each equality field, the action cells. */
    record DataRow(int sheetRow, Map<String, Interval> ranges, Map<String, String> values, Map<Integer, String> actions) {}

    /** Every rule table in the sheet; cell problems (percent formats, non-numbers) go to {@code problem} by row. */
    static List<RuleTable> readAll(SheetCells cells, BiConsumer<Integer, String> problem) {
        List<RuleTable> tables = new ArrayList<>();
        for (int row = 1; row <= cells.rowCount(); row++) {
            for (int column = 0; column < cells.width(row); column++) {
                if (cells.at(row, column).value().startsWith("RuleTable")) {
                    tables.add(read(cells, row, column, problem));
                }
            }
        }
        return tables;
    }

    private static RuleTable read(SheetCells cells, int tableRow, int firstColumn, BiConsumer<Integer, String> problem) {
        List<Condition> conditions = new ArrayList<>();
        List<Integer> actions = new ArrayList<>();
        String object = "";
        int lastColumn = firstColumn;
        for (int c = firstColumn; !cells.at(tableRow + 1, c).isBlank(); c++) {
            lastColumn = c;
            String type = cells.at(tableRow + 1, c).value().toUpperCase();
            String code = cells.at(tableRow + 3, c).value();
            if (type.startsWith("CONDITION")) {
                // A fact type spanning several columns is a merged cell in a workbook, "..." in CSV.
                String objectCell = cells.at(tableRow + 2, c).value().replace("...", "").strip();
                Matcher objectMatch = OBJECT.matcher(objectCell);
                object = objectCell.isEmpty() ? object : objectMatch.lookingAt() ? objectMatch.group(1) : objectCell;
                condition(c, object, code).ifPresent(conditions::add);
            } else if (type.startsWith("ACTION")) {
                actions.add(c);
            }
        }
        List<DataRow> rows = new ArrayList<>();
        for (int row = tableRow + 5; row <= cells.rowCount(); row++) {
            boolean blank = true;
            for (int c = firstColumn; c <= lastColumn; c++) {
                SheetCells.Text cell = cells.at(row, c);
                blank &= cell.isBlank();
                if (cell.percentFormatted() && !cell.isBlank()) {
                    problem.accept(row, "cell " + columnName(c) + row + " is formatted as a percentage: Drools reads it as "
                            + cell.value() + "; use General format");
                }
            }
            if (blank) {
                break;
            }
            rows.add(dataRow(cells, row, conditions, actions, problem));
        }
        return new RuleTable(conditions, actions, rows);
    }

    private static Optional<Condition> condition(int column, String object, String code) {
        Matcher bound = BOUND.matcher(code);
        if (bound.find()) {
            return Optional.of(new Condition(column, object + "." + bound.group(1), bound.group(2)));
        }
        Matcher equals = EQUALS.matcher(code);
        if (equals.find()) {
            return Optional.of(new Condition(column, object + "." + equals.group(1), "=="));
        }
        return Optional.empty();
    }

    private static DataRow dataRow(SheetCells cells, int row, List<Condition> conditions, List<Integer> actions,
            BiConsumer<Integer, String> problem) {
        Map<String, Interval> ranges = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Condition condition : conditions) {
            String text = cells.at(row, condition.column()).value();
            if (!condition.isBound()) {
                values.put(condition.field(), text);
                continue;
            }
            Interval interval = ranges.getOrDefault(condition.field(), Interval.ALL);
            if (!text.isBlank()) {
                try {
                    interval = interval.bounded(condition.operator(), new BigDecimal(text));
                } catch (NumberFormatException e) {
                    problem.accept(row, "'" + text + "' in column " + columnName(condition.column()) + " is not a number");
                }
            }
            ranges.put(condition.field(), interval);
        }
        Map<Integer, String> actionCells = new LinkedHashMap<>();
        actions.forEach(column -> actionCells.put(column, cells.at(row, column).value()));
        return new DataRow(row, ranges, values, actionCells);
    }

    private static String columnName(int column) {
        return String.valueOf((char) ('A' + column));
    }
}
