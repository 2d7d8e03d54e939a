package uk.inspection.ruleset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.inspection.engine.DecisionTable;
import uk.inspection.engine.LoadProblem;

/**
 * Checks each decision table, as the engine read it, against the domains the manifest
 * declares for its condition columns: numeric ranges must cover their domain with no gap
 * and no overlap, combinations of listed values must each appear exactly once, no row may
 * be unable to fire, every rating produced must be in the scale and every rating of the
 * scale produced. It fails closed: a table whose rows it counts differently from the
 * engine, or whose condition code it cannot read, is a problem, never a silent pass.
 * Nothing here knows this methodology.
 */
final class DecisionTableAnalysis {

    private final DecisionTable table;

    private final Manifest manifest;

    private final List<LoadProblem> problems;

    private DecisionTableAnalysis(DecisionTable table, Manifest manifest, List<LoadProblem> problems) {
        this.table = table;
        this.manifest = manifest;
        this.problems = problems;
    }

    static List<LoadProblem> analyse(List<DecisionTable> tables, Manifest manifest) {
        List<LoadProblem> problems = new ArrayList<>();
        tables.forEach(table -> new DecisionTableAnalysis(table, manifest, problems).analyse());
        return problems;
    }

    private void analyse() {
        if (table.rows().size() != table.compiledRules()) {
            tableProblem("the table '" + table.title() + "' cannot be checked: the engine made " + table.compiledRules()
                    + " rules from it where " + table.rows().size() + " rows were read (is a rule row blank, or a"
                    + " column without a header?)");
            return;
        }
        List<TableConditions.Condition> conditions = new ArrayList<>();
        boolean readable = true;
        for (DecisionTable.Column column : table.columns(DecisionTable.Kind.CONDITION)) {
            List<String> unreadable = new ArrayList<>();
            TableConditions.of(column, unreadable).ifPresent(conditions::add);
            unreadable.forEach(why -> problems.add(LoadProblem.inCell(table.file(), table.sheet(), table.sheetRow() + 3,
                    column.index(), "the table '" + table.title() + "' cannot be checked: " + why)));
            readable &= unreadable.isEmpty();
        }
        if (!readable || table.rows().isEmpty()) {
            return;
        }
        checkRanges(conditions);
        checkCombinations(conditions);
        checkRatings();
    }

    /**
     * Per distinct combination of the equality columns, each range field must cover its
     * domain exactly once.
     */
    private void checkRanges(List<TableConditions.Condition> conditions) {
        List<TableConditions.Condition> bounds = conditions.stream()
            .filter(TableConditions.Condition::isBound)
            .toList();
        for (String field : bounds.stream().map(TableConditions.Condition::field).distinct().toList()) {
            List<TableConditions.Condition> fieldBounds = bounds.stream().filter(c -> c.field().equals(field)).toList();
            int column = fieldBounds.get(0).column();
            Manifest.TableDomain domain = domain(field);
            if (domain == null) {
                continue;
            }
            if (!domain.isRange()) {
                tableProblem(
                        field + " is compared with >= or <, but its domain in framework.yaml is not a from-to range");
                continue;
            }
            List<TableConditions.Condition> equalities = conditions.stream().filter(c -> !c.isBound()).toList();
            Map<String, List<IntervalCoverage.Entry>> groups = new LinkedHashMap<>();
            for (DecisionTable.Row row : table.rows()) {
                Interval interval = interval(row, fieldBounds);
                if (interval != null) {
                    String group = equalities.stream().map(c -> row.cell(c.column())).toList().toString();
                    groups.computeIfAbsent(group, k -> new ArrayList<>())
                        .add(new IntervalCoverage.Entry(row.sheetRow(), interval));
                }
            }
            groups.values()
                .forEach(entries -> IntervalCoverage.check(field, Interval.closed(domain.from(), domain.to()), entries,
                        (row, message) -> cellProblem(row, column, message)));
        }
    }

    /** The row's interval for a field; null (reported) when a bound is not a number. */
    private Interval interval(DecisionTable.Row row, List<TableConditions.Condition> bounds) {
        Interval interval = Interval.ALL;
        for (TableConditions.Condition bound : bounds) {
            String text = row.cell(bound.column());
            if (text.isBlank()) {
                continue;
            }
            try {
                interval = interval.bounded(bound.operator(), new BigDecimal(text));
            }
            catch (NumberFormatException e) {
                cellProblem(row.sheetRow(), bound.column(),
                        "the '" + bound.label() + "' cell holds text '" + text + "' where a number is needed");
                return null;
            }
        }
        return interval;
    }

    /**
     * Equality columns with listed domains: every combination of their values appears in
     * exactly one row.
     */
    private void checkCombinations(List<TableConditions.Condition> conditions) {
        List<TableConditions.Condition> equalities = conditions.stream().filter(c -> !c.isBound()).toList();
        if (equalities.isEmpty() || conditions.stream().anyMatch(TableConditions.Condition::isBound)) {
            return;
        }
        List<List<String>> domains = new ArrayList<>();
        for (TableConditions.Condition condition : equalities) {
            Manifest.TableDomain domain = domain(condition.field());
            if (domain == null) {
                return;
            }
            domains.add(domain.scale() ? scale() : domain.values());
        }
        List<String> fields = equalities.stream().map(TableConditions.Condition::field).toList();
        Map<List<String>, Integer> seen = new LinkedHashMap<>();
        for (DecisionTable.Row row : table.rows()) {
            // A blank cell leaves the column out of the rule: the row matches every value
            // of it.
            List<List<String>> cellValues = new ArrayList<>();
            for (int i = 0; i < equalities.size(); i++) {
                String value = row.cell(equalities.get(i).column());
                if (value.isBlank()) {
                    cellValues.add(domains.get(i));
                }
                else {
                    if (!domains.get(i).contains(value)) {
                        cellProblem(row.sheetRow(), equalities.get(i).column(), "row can never fire: " + fields.get(i)
                                + " '" + value + "' is not one of " + String.join(", ", domains.get(i)));
                    }
                    cellValues.add(List.of(value));
                }
            }
            for (List<String> combination : cartesian(cellValues)) {
                Integer earlier = seen.putIfAbsent(combination, row.sheetRow());
                if (earlier != null) {
                    rowProblem(row.sheetRow(), "rows " + earlier + " and " + row.sheetRow() + " both match "
                            + describe(fields, combination));
                }
            }
        }
        for (List<String> combination : cartesian(domains)) {
            if (!seen.containsKey(combination)) {
                tableProblem("no row for " + describe(fields, combination));
            }
        }
    }

    /**
     * Action columns that produce ratings: every value must be in the scale, and every
     * rating of the scale produced.
     */
    private void checkRatings() {
        List<String> scale = scale();
        List<String> produced = new ArrayList<>();
        boolean ratingColumn = false;
        for (DecisionTable.Column column : table.columns(DecisionTable.Kind.ACTION)) {
            List<String[]> values = table.rows().stream().map(r -> r.cell(column.index()).split("\\s*,\\s*")).toList();
            if (values.stream().flatMap(Arrays::stream).noneMatch(scale::contains)) {
                continue;
            }
            ratingColumn = true;
            for (int i = 0; i < table.rows().size(); i++) {
                for (String value : values.get(i)) {
                    if (scale.contains(value)) {
                        produced.add(value);
                    }
                    else if (!value.isBlank()) {
                        cellProblem(table.rows().get(i).sheetRow(), column.index(),
                                "'" + value + "' is not a rating of the scale (" + String.join(", ", scale) + ")");
                    }
                }
            }
        }
        if (ratingColumn) {
            scale.stream()
                .filter(r -> !produced.contains(r))
                .forEach(r -> tableProblem("no row produces the rating " + r));
        }
    }

    private Manifest.TableDomain domain(String field) {
        Manifest.TableDomain domain = manifest.tableDomains().get(field);
        if (domain == null) {
            tableProblem("no domain for " + field + " in framework.yaml tableDomains, so its rows cannot be checked for"
                    + " gaps and overlaps");
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

    private void cellProblem(int row, int column, String message) {
        problems.add(LoadProblem.inCell(table.file(), table.sheet(), row, column, message));
    }

    private void rowProblem(int row, String message) {
        problems.add(LoadProblem.inRow(table.file(), table.sheet(), row, message));
    }

    /** A problem with the whole table, reported at its "RuleTable" cell. */
    private void tableProblem(String message) {
        problems.add(LoadProblem.inRow(table.file(), table.sheet(), table.sheetRow(), message));
    }

}
