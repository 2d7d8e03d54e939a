package uk.inspection.ruleset;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads DRL text for where each rule starts, so a trace and an error can point at a line of a DRL
 * file or, for DRL generated from a decision table, at the sheet row the rule came from.
 */
final class DrlIndex {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
    /** The comment the spreadsheet compiler writes above each generated rule: {@code // rule values at A9, header at A5}. */
    private static final Pattern TABLE_ROW = Pattern.compile("^// rule values at [A-Z]+(\\d+)");

    private final Map<String, RuleOrigin> origins = new HashMap<>();
    /** Generated DRL line → sheet row of the rule that starts at or after it. */
    private final TreeMap<Integer, Integer> rowsByLine = new TreeMap<>();
    private int rules;

    private DrlIndex() {}

    static DrlIndex ofDrl(String source, String drl) {
        DrlIndex index = new DrlIndex();
        index.scan(source, drl, false);
        return index;
    }

    static DrlIndex ofGeneratedTable(String source, String drl) {
        DrlIndex index = new DrlIndex();
        index.scan(source, drl, true);
        return index;
    }

    private void scan(String source, String drl, boolean fromTable) {
        String pkg = "";
        Integer pendingRow = null;
        String[] lines = drl.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            Matcher pkgMatch = PACKAGE.matcher(lines[i]);
            Matcher ruleMatch = RULE.matcher(lines[i]);
            Matcher rowMatch = TABLE_ROW.matcher(lines[i]);
            if (pkgMatch.find()) {
                pkg = pkgMatch.group(1);
            } else if (fromTable && rowMatch.find()) {
                pendingRow = Integer.parseInt(rowMatch.group(1));
                rowsByLine.put(lineNumber, pendingRow);
            } else if (ruleMatch.find()) {
                String name = firstNonNull(ruleMatch.group(1), ruleMatch.group(2), ruleMatch.group(3));
                String detail = fromTable && pendingRow != null ? "row " + pendingRow : "line " + lineNumber;
                origins.put(key(pkg, name), new RuleOrigin(source, detail));
                rules++;
            }
        }
    }

    static String key(String pkg, String ruleName) {
        return pkg + "/" + ruleName;
    }

    Map<String, RuleOrigin> origins() {
        return origins;
    }

    int ruleCount() {
        return rules;
    }

    /** The sheet row whose generated rule contains this line of generated DRL, if any. */
    Integer rowAt(int generatedLine) {
        Map.Entry<Integer, Integer> entry = rowsByLine.floorEntry(generatedLine);
        return entry == null ? null : entry.getValue();
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
