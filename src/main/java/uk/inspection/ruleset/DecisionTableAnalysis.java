package uk.inspection.ruleset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads each decision table's rows the way Drools will and checks them against the domains the
 * manifest declares for its condition columns: numeric ranges must cover their domain with no gap
 * and no overlap, combinations of listed values must each appear exactly once, no row may be
 * unable to fire, every rating produced must be in the scale and every rating of the scale
 * produced, and no cell may be percent-formatted. Which columns are ranges comes from the table's
 * own condition code ({@code percentage >= $param}); nothing here knows this methodology.
 */
final class DecisionTableAnalysis {


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
        RuleTable.readAll(cells, this::problem).forEach(this::table);
    }

    private void table(RuleTable table) {
        if (table.rows().isEmpty()) {
            return;
        }
        checkRanges(table.rows(), table.conditions());
        checkCombinations(table.rows(), table.conditions());
        checkRatings(table.rows(), table.actions());
    }

    /** Per distinct combination of the equality columns, the range column must cover its domain exactly once. */
    private void checkRanges(List<RuleTable.DataRow> rows, List<RuleTable.Condition> conditions) {
        for (String field : conditions.stream().filter(RuleTable.Condition::isBound).map(RuleTable.Condition::field).distinct().toList()) {
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
            Map<String, List<RuleTable.DataRow>> groups = new LinkedHashMap<>();
            rows.forEach(r -> groups.computeIfAbsent(r.values().toString(), k -> new ArrayList<>()).add(r));
            groups.values().forEach(group -> IntervalCoverage.check(field, whole, group.stream()
                    .map(r -> new IntervalCoverage.Entry(r.sheetRow(), r.ranges().get(field))).toList(),
                    (row, message) -> problem(row, message)));
        }
    }

    /** Equality columns with listed domains: every combination of their values appears in exactly one row. */
    private void checkCombinations(List<RuleTable.DataRow> rows, List<RuleTable.Condition> conditions) {
        List<String> fields = conditions.stream().filter(c -> !c.isBound()).map(RuleTable.Condition::field).distinct().toList();
        if (fields.isEmpty() || conditions.stream().anyMatch(RuleTable.Condition::isBound)) {
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
        for (RuleTable.DataRow row : rows) {
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
    private void checkRatings(List<RuleTable.DataRow> rows, List<Integer> actions) {
        List<String> scale = scale();
        List<String> produced = new ArrayList<>();
        boolean ratingColumn = false;
        for (int column : actions) {
            List<String[]> values = rows.stream().map(r -> r.actions().get(column).split("\\s*,\\s*")).toList();
            if (values.stream().flatMap(Arrays::stream).noneMatch(scale::contains)) {
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

    private void problem(int row, String message) {
        problems.add(new LoadProblem(file.path(), null, row, message));
    }
}
