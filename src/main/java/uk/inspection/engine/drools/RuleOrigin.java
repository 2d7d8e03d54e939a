package uk.inspection.engine.drools;

import uk.inspection.engine.RuleLocation;

/**
 * Where a rule was written: the source file and the line (DRL) or row (decision table),
 * and whether it is a decision table's row.
 */
record RuleOrigin(String source, String detail, boolean table) {

    static final RuleOrigin UNKNOWN = new RuleOrigin(null, null, false);

    /** A decision table's rule, at its sheet row. */
    static RuleOrigin row(String table, int row) {
        return new RuleOrigin(table, "row " + row, true);
    }

    /** The rule at this origin, with its line (DRL) or row (table) as a number. */
    RuleLocation location(String rule) {
        Integer at = detail == null ? null : Integer.valueOf(detail.substring(detail.indexOf(' ') + 1));
        return new RuleLocation(rule, source, table ? null : at, table ? at : null);
    }

    /** The key a rule is found by at run time: its package and name. */
    static String key(String pkg, String ruleName) {
        return pkg + "/" + ruleName;
    }
}
