package uk.inspection.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.inspection.engine.DecisionTable;

/**
 * What a decision table's condition columns test, read from their code: each constraint
 * compares a fact field with the cell's value ({@code percentage >= $param},
 * {@code rating == "$param"}) or with a constant ({@code code == "V1.1"}, which only
 * narrows the facts the column applies to). A column whose code is anything else cannot
 * be checked, and says so.
 */
final class TableConditions {

    private static final Pattern PATTERN = Pattern.compile("(?:\\$\\w+\\s*:\\s*)?(\\w+)\\s*");

    private static final Pattern CONSTRAINT = Pattern.compile("(\\w+)\\s*(==|>=|<=|>|<)\\s*(.+)");

    private static final Pattern PARAMETER = Pattern.compile("\"?\\$param\"?");

    /**
     * A column's test of one field with its cell: {@code operator} is {@code ==} or a
     * bound ({@code >=}, {@code <}, ...).
     */
    record Condition(int column, String label, String field, String operator) {
        boolean isBound() {
            return !operator.equals("==");
        }
    }

    private TableConditions() {
    }

    /**
     * The column's parameterised test, empty when it only holds constants; an unreadable
     * column is reported.
     */
    static Optional<Condition> of(DecisionTable.Column column, List<String> unreadable) {
        String type = column.pattern() == null ? null : factType(column.pattern());
        if (type == null || column.code() == null) {
            unreadable.add("its fact pattern '" + column.pattern() + "' and code '" + column.code()
                    + "' are not a fact type and constraints on it");
            return Optional.empty();
        }
        Condition parameterised = null;
        for (String constraint : split(column.code())) {
            Matcher matcher = CONSTRAINT.matcher(constraint.strip());
            if (!matcher.matches()) {
                unreadable.add("'" + constraint.strip() + "' is not a comparison of a field of " + type);
                return Optional.empty();
            }
            if (PARAMETER.matcher(matcher.group(3).strip()).matches()) {
                if (parameterised != null) {
                    unreadable.add("it compares more than one field with the cell's value");
                    return Optional.empty();
                }
                parameterised = new Condition(column.index(), column.label(), type + "." + matcher.group(1),
                        matcher.group(2));
            }
            else if (matcher.group(3).contains("$")) {
                unreadable.add("'" + constraint.strip() + "' uses the cell's value in a way the checks do not read");
                return Optional.empty();
            }
        }
        return Optional.ofNullable(parameterised);
    }

    private static String factType(String pattern) {
        Matcher matcher = PATTERN.matcher(pattern.strip());
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The constraints of a code cell: split at commas outside quotes and brackets. */
    private static List<String> split(String code) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder part = new StringBuilder();
        for (char c : code.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            }
            else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            }
            else if (!quoted && depth == 0 && c == ',') {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }

}
