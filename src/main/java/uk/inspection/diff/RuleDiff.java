package uk.inspection.diff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import uk.inspection.engine.RuleEngine;
import uk.inspection.engine.RuleSource;
import uk.inspection.engine.drools.DroolsRuleEngine;

/**
 * Two versions of a set of rule files compared in the methodology's words: decision
 * tables per row and cell
 * ({@code bandings.drl.xlsx, Bandings, row 15 "Band: Reasonable majority":
 * Share from (%) 65 → 70}), DRL as a unified diff, the manifest and fixtures by key,
 * anything else as changed or not.
 */
public final class RuleDiff {

    private final RuleEngine engine;

    public RuleDiff() {
        this(new DroolsRuleEngine());
    }

    RuleDiff(RuleEngine engine) {
        this.engine = engine;
    }

    /**
     * Every file that differs, by path; {@code before} and {@code after} map paths to
     * content.
     */
    public List<FileDiff> between(Map<String, byte[]> before, Map<String, byte[]> after) {
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            byte[] b = before.get(path);
            byte[] a = after.get(path);
            if (b != null && a != null && Arrays.equals(b, a)) {
                continue;
            }
            FileDiff.Change change = b == null ? FileDiff.Change.ADDED
                    : a == null ? FileDiff.Change.REMOVED : FileDiff.Change.CHANGED;
            List<String> lines = new ArrayList<>();
            List<FileDiff.CellChange> cells = new ArrayList<>();
            try {
                describe(path, b == null ? new byte[0] : b, a == null ? new byte[0] : a, lines, cells);
            }
            catch (IOException | RuntimeException e) {
                lines.add(path + ": " + change.name().toLowerCase(Locale.ROOT) + " (cannot be compared cell by cell: "
                        + e.getMessage() + ")");
            }
            diffs.add(new FileDiff(path, change, lines, cells));
        }
        return diffs;
    }

    /**
     * The lines of every difference, one after another: what the {@code diff} command
     * prints.
     */
    public static List<String> lines(List<FileDiff> diffs) {
        List<String> lines = new ArrayList<>();
        diffs.forEach(d -> lines.addAll(d.lines().isEmpty()
                ? List.of(d.path() + ": " + d.change().name().toLowerCase(Locale.ROOT)) : d.lines()));
        return lines;
    }

    private void describe(String path, byte[] before, byte[] after, List<String> lines, List<FileDiff.CellChange> cells)
            throws IOException {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls") || name.endsWith(".drl.csv")) {
            RuleSource.Type type = name.endsWith(".csv") ? RuleSource.Type.CSV_TABLE : RuleSource.Type.WORKBOOK_TABLE;
            TableDiff.compare(path,
                    before.length == 0 ? List.of() : engine.readTables(new RuleSource(path, type, before)),
                    after.length == 0 ? List.of() : engine.readTables(new RuleSource(path, type, after)), lines, cells);
        }
        else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            KeyedDiff.compare(path, before.length == 0 ? "{}".getBytes() : before,
                    after.length == 0 ? "{}".getBytes() : after, lines);
        }
        else if (name.endsWith(".drl") || name.endsWith(".md") || name.endsWith(".txt")) {
            TextDiff.compare(path, before, after, lines);
        }
    }

    /**
     * A table rendered as text, a line per rule row: what Git shows through the
     * {@code textconv} driver.
     */
    public List<String> render(String path, byte[] content) throws IOException {
        String name = path.toLowerCase(Locale.ROOT);
        RuleSource.Type type = name.endsWith(".csv") ? RuleSource.Type.CSV_TABLE : RuleSource.Type.WORKBOOK_TABLE;
        List<String> lines = new ArrayList<>();
        List<uk.inspection.engine.DecisionTable> tables = engine.readTables(new RuleSource(path, type, content));
        if (tables.isEmpty() && type == RuleSource.Type.WORKBOOK_TABLE) {
            return Workbooks.cells(content);
        }
        for (var table : tables) {
            lines.add((table.sheet() == null ? "" : table.sheet() + ": ") + table.title());
            for (var row : table.rows()) {
                Set<String> cells = new LinkedHashSet<>();
                for (var column : table.columns()) {
                    String value = row.cell(column.index());
                    if (column.kind() != uk.inspection.engine.DecisionTable.Kind.NAME && !value.isBlank()) {
                        cells.add((column.label() == null ? column.code() : column.label()) + " = " + value);
                    }
                }
                lines.add("  row " + row.sheetRow() + " \"" + row.ruleName() + "\": " + String.join(" | ", cells));
            }
        }
        return lines;
    }

}
