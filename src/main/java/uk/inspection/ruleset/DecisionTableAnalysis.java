package uk.inspection.ruleset;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads each decision table's rows the way Drools will and checks them against the domains the
 * manifest declares for its condition columns: numeric ranges must cover their domain with no gap
 * and no overlap, combinations of listed values must each appear exactly once, no row may be
 * unable to fire, every rating produced must be in the scale and every rating of the scale
 * produced, and no cell may be percent-formatted. Which columns are ranges comes from the table's
 * own condition code ({@code percentage >= $param}); nothing here knows this methodology.
 */
final class DecisionTableAnalysis {

    private static final Pattern BOUND = Pattern.compile("(\\w+)\\s*(>=|>|<=|<)\\s*\\$param");
    private static final Pattern EQUALS = Pattern.compile("(\\w+)\\s*==\\s*\"?\\$param\"?");
    private static final Pattern OBJECT = Pattern.compile("(?:\\$\\w+\\s*:\\s*)?(\\w+)");

    private final RuleFile file;
    private final Manifest manifest;
    private final SheetCells cells;
    private final List<LoadProblem> problems;

    private DecisionTableAnalysis(RuleFile file, Manifest manifest, SheetCells cells, List<LoadProblem> problems) {
        this.file = file;
        this.manifest = manifest;
        this.cells = cells;
        this.problems = problems;
    }

    static List<LoadProblem> analyse(List<RuleFile> files, Manifest manifest) {
        List<LoadProblem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            if (file.kind() != RuleFile.Kind.DECISION_TABLE) {
                continue;
            }
            try {
                new DecisionTableAnalysis(file, manifest, SheetCells.read(file), problems).analyse();
            } catch (IOException | RuntimeException e) {
                problems.add(LoadProblem.inFile(file.path(), "cannot analyse the table: " + e.getMessage()));
            }
        }
        return problems;
    }

    private void analyse() {
        for (int row = 1; row <= cells.rowCount(); row++) {
            for (int column = 0; column < cells.width(row); column++) {
                if (cells.at(row, column).value().startsWith("RuleTable")) {
                    table(row, column);
                }
            }
        }
    }

    /** A condition column: which fact field it tests, and how (a lower or upper bound, or equality). */
    private record Condition(int column, String field, String operator) {
        boolean isBound() {
            return !operator.equals("==");
        }
    }

    /** One data row of a table. */
    private record DataRow(int sheetRow, Map<String, Interval> ranges, Map<String, String> values) {}

    private void table(int tableRow, int firstColumn) {
        List<Condition> conditions = new ArrayList<>();
        List<Integer> actions = new ArrayList<>();
        String object = "";
        int lastColumn = firstColumn;
        for (int c = firstColumn; !cells.at(tableRow + 1, c).isBlank(); c++) {
            lastColumn = c;
            String type = cells.at(tableRow + 1, c).value().toUpperCase();
            String code = cells.at(tableRow + 3, c).value();
            if (type.startsWith("CONDITION")) {
                String objectCell = cells.at(tableRow + 2, c).value().replace("...", "").strip();
                Matcher objectMatch = OBJECT.matcher(objectCell);
                object = objectCell.isEmpty() ? object : objectMatch.lookingAt() ? objectMatch.group(1) : objectCell;
                condition(c, object, code).ifPresent(conditions::add);
            } else if (type.startsWith("ACTION")) {
                actions.add(c);
            }
        }
        List<DataRow> rows = dataRows(tableRow + 5, firstColumn, lastColumn, conditions);
        if (rows.isEmpty()) {
            return;
        }
        checkRanges(rows, conditions);
        checkCombinations(rows, conditions);
        checkRatings(rows, actions);
    }

    private java.util.Optional<Condition> condition(int column, String object, String code) {
        Matcher bound = BOUND.matcher(code);
        if (bound.find()) {
            return java.util.Optional.of(new Condition(column, object + "." + bound.group(1), bound.group(2)));
        }
        Matcher equals = EQUALS.matcher(code);
        if (equals.find()) {
            return java.util.Optional.of(new Condition(column, object + "." + equals.group(1), "=="));
        }
        return java.util.Optional.empty();
    }

    private List<DataRow> dataRows(int first, int firstColumn, int lastColumn, List<Condition> conditions) {
        List<DataRow> rows = new ArrayList<>();
        for (int row = first; row <= cells.rowCount(); row++) {
            boolean blank = true;
            for (int c = firstColumn; c <= lastColumn; c++) {
                SheetCells.Text cell = cells.at(row, c);
                blank &= cell.isBlank();
                if (cell.percentFormatted() && !cell.isBlank()) {
                    problem(row, "cell " + columnName(c) + row + " is formatted as a percentage: Drools reads it as "
                            + cell.value() + "; use General format");
                }
            }
            if (blank) {
                break;
            }
            rows.add(dataRow(row, conditions));
        }
        return rows;
    }

    private DataRow dataRow(int row, List<Condition> conditions) {
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
                    problem(row, "'" + text + "' in column " + columnName(condition.column()) + " is not a number");
                }
            }
            ranges.put(condition.field(), interval);
        }
        return new DataRow(row, ranges, values);
    }

    /** Per distinct combination of the equality columns, the range column must cover its domain exactly once. */
    private void checkRanges(List<DataRow> rows, List<Condition> conditions) {
        for (String field : conditions.stream().filter(Condition::isBound).map(Condition::field).distinct().toList()) {
            Manifest.TableDomain domain = domain(field, rows.get(0).sheetRow());
            if (domain == null) {
                continue;
            }
            if (!domain.isRange()) {
                problem(rows.get(0).sheetRow(), field + " is compared with >= or <, but its domain in framework.yaml"
                        + " is not a from-to range");
                continue;
            }
            Interval whole = Interval.closed(domain.from(), domain.to());
            Map<String, List<DataRow>> groups = new LinkedHashMap<>();
            rows.forEach(r -> groups.computeIfAbsent(r.values().toString(), k -> new ArrayList<>()).add(r));
            groups.values().forEach(group -> IntervalCoverage.check(field, whole, group.stream()
                    .map(r -> new IntervalCoverage.Entry(r.sheetRow(), r.ranges().get(field))).toList(),
                    (row, message) -> problem(row, message)));
        }
    }

    /** Equality columns with listed domains: every combination of their values appears in exactly one row. */
    private void checkCombinations(List<DataRow> rows, List<Condition> conditions) {
        List<String> fields = conditions.stream().filter(c -> !c.isBound()).map(Condition::field).distinct().toList();
        if (fields.isEmpty() || conditions.stream().anyMatch(Condition::isBound)) {
            return;
        }
        List<List<String>> domains = new ArrayList<>();
        for (String field : fields) {
            Manifest.TableDomain domain = domain(field, rows.get(0).sheetRow());
            if (domain == null) {
                return;
            }
            domains.add(domain.scale() ? scale() : domain.values());
        }
        Map<List<String>, Integer> seen = new LinkedHashMap<>();
        for (DataRow row : rows) {
            // A blank cell leaves the column out of the rule: the row matches every value of it.
            List<List<String>> cellValues = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                String value = row.values().get(fields.get(i));
                if (value.isBlank()) {
                    cellValues.add(domains.get(i));
                } else {
                    if (!domains.get(i).contains(value)) {
                        problem(row.sheetRow(), "row can never fire: " + fields.get(i) + " '" + value
                                + "' is not one of " + String.join(", ", domains.get(i)));
                    }
                    cellValues.add(List.of(value));
                }
            }
            for (List<String> combination : cartesian(cellValues)) {
                Integer earlier = seen.putIfAbsent(combination, row.sheetRow());
                if (earlier != null) {
                    problem(row.sheetRow(), "rows " + earlier + " and " + row.sheetRow() + " both match "
                            + describe(fields, combination));
                }
            }
        }
        for (List<String> combination : cartesian(domains)) {
            if (!seen.containsKey(combination)) {
                problem(rows.get(0).sheetRow() - 5, "no row for " + describe(fields, combination));
            }
        }
    }

    /** Action columns that produce ratings: every value must be in the scale, and every rating of the scale produced. */
    private void checkRatings(List<DataRow> rows, List<Integer> actions) {
        List<String> scale = scale();
        List<String> produced = new ArrayList<>();
        boolean ratingColumn = false;
        for (int column : actions) {
            List<String[]> values = rows.stream().map(r -> cells.at(r.sheetRow(), column).value().split("\\s*,\\s*")).toList();
            if (values.stream().flatMap(java.util.Arrays::stream).noneMatch(scale::contains)) {
                continue;
            }
            ratingColumn = true;
            for (int i = 0; i < rows.size(); i++) {
                for (String value : values.get(i)) {
                    if (scale.contains(value)) {
                        produced.add(value);
                    } else if (!value.isBlank()) {
                        problem(rows.get(i).sheetRow(), "'" + value + "' is not a rating of the scale ("
                                + String.join(", ", scale) + ")");
                    }
                }
            }
        }
        if (ratingColumn) {
            scale.stream().filter(r -> !produced.contains(r)).forEach(r -> problem(rows.get(0).sheetRow() - 5,
                    "no row produces the rating " + r));
        }
    }

    private Manifest.TableDomain domain(String field, int row) {
        Manifest.TableDomain domain = manifest.tableDomains().get(field);
        if (domain == null) {
            problem(row - 5, "no domain for " + field + " in framework.yaml tableDomains, so its rows cannot be"
                    + " checked for gaps and overlaps");
        }
        return domain;
    }

    private List<String> scale() {
        return manifest.ratingScale().stream().map(Manifest.ScaleStep::code).toList();
    }

    private static String describe(List<String> fields, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            parts.add(fields.get(i) + " " + values.get(i));
        }
        return String.join(", ", parts);
    }

    private static List<List<String>> cartesian(List<List<String>> domains) {
        List<List<String>> combinations = List.of(List.of());
        for (List<String> domain : domains) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String value : domain) {
                    List<String> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    next.add(combination);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static String columnName(int column) {
        return String.valueOf((char) ('A' + column));
    }

    private void problem(int row, String message) {
        problems.add(new LoadProblem(file.path(), null, row, message));
    }
}
