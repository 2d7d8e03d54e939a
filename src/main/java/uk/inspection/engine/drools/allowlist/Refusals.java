package uk.inspection.engine.drools.allowlist;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.PackageDescr;

import uk.inspection.engine.DecisionTable;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.drools.tables.DecisionTableTranslator;

/**
 * The {@link AllowList}'s refusals of one file as load problems: a DRL file's at its file
 * and line, a decision table's at the sheet row of the generated rule and the cell whose
 * text holds the construct (or the code cell of its column, when the construct is in the
 * column's code).
 */
public final class Refusals {

    public static final String POLICY = "rule files may only match fact classes, insert, modify or retract facts, and call"
            + " the fact classes' methods and plain string, number and collection methods";

    private static final Pattern CALLED = Pattern.compile("([A-Za-z_$][\\w$]*)\\(");

    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");

    private Refusals() {
    }

    /**
     * Problems for one parsed DRL text ({@code table} the decision table it was generated
     * from, or null).
     */
    public static List<LoadProblem> of(String path, String drl, PackageDescr parsed,
            DecisionTableTranslator.Generated table) {
        // A set: code every rule of a table shares is refused once, at its code cell.
        Set<LoadProblem> problems = new LinkedHashSet<>();
        if (AllowList.leavesAJavaLiteral(path)) {
            // a table's path holds its sheet's name
            String file = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
            problems.add(LoadProblem.inFile(file,
                    "a quote, backslash, line break or */ in the file's path"
                            + (table == null ? "" : " or the sheet's name")
                            + ": the compiled rules would read what follows" + " it as code; rename it"));
        }
        for (AllowList.Violation violation : AllowList.check(parsed, drl)) {
            problems.add(at(path, table, violation.line(), key(violation.construct()), violation.rule(),
                    "uses " + violation.construct() + ": " + POLICY));
        }
        return List.copyOf(problems);
    }

    /**
     * A problem ({@code what} the rule, if known, does) at a line of a DRL text: of a DRL
     * file, at that line; of a decision table's, at the cell of that line's row whose
     * text holds {@code key}, or else at the code cell of the column whose code holds it,
     * or else at the row (an empty key names no cell).
     */
    public static LoadProblem at(String path, DecisionTableTranslator.Generated table, int line, String key,
            String rule, String what) {
        String message = (rule == null ? "" : "the rule \"" + rule + "\" ") + what;
        return table == null ? new LoadProblem(path, line, null, message) : inTable(table, line, key, message, what);
    }

    private static LoadProblem inTable(DecisionTableTranslator.Generated table, int line, String key, String message,
            String what) {
        String file = table.resourcePath().contains("#")
                ? table.resourcePath().substring(0, table.resourcePath().indexOf('#')) : table.resourcePath();
        Integer row = table.rowAt(line);
        for (DecisionTable sheetTable : table.tables()) {
            for (DecisionTable.Row rule : sheetTable.rows()) {
                if (row != null && rule.sheetRow() == row) {
                    for (var cell : rule.cells().entrySet()) {
                        if (!key.isEmpty() && cell.getValue().contains(key)) {
                            return LoadProblem.inCell(file, table.sheet(), row, cell.getKey(), message);
                        }
                    }
                }
            }
            for (DecisionTable.Column column : sheetTable.columns()) {
                if (!key.isEmpty() && column.code() != null && column.code().contains(key)) {
                    return LoadProblem.inCell(file, table.sheet(), sheetTable.sheetRow() + 3, column.index(),
                            "the code of the '" + column.label() + "' column " + what);
                }
            }
        }
        return row == null ? LoadProblem.inFile(file, message) : LoadProblem.inRow(file, table.sheet(), row, message);
    }

    /**
     * The word of a construct to find in a cell: the name called ({@code exit} of
     * {@code System.exit(...)}), the keyword ({@code while} of "a while loop"), or the
     * last name ({@code System} of {@code java.lang.System}).
     */
    private static String key(String construct) {
        Matcher called = CALLED.matcher(construct);
        if (called.find()) {
            return called.group(1);
        }
        List<String> words = WORD.matcher(construct).results().map(java.util.regex.MatchResult::group).toList();
        if (words.size() > 1 && (words.get(0).equals("a") || words.get(0).equals("an") || words.get(0).equals("the"))) {
            return words.get(1);
        }
        return words.isEmpty() ? construct : words.get(words.size() - 1);
    }

}
