package uk.inspection.engine.drools;

/**
 * Where a rule was written: the source file and the line (DRL) or row (decision table),
 * and whether it is a decision table's row.
 */
record RuleOrigin(String source, String detail, boolean table) {

    static final RuleOrigin UNKNOWN = new RuleOrigin(null, null, false);

    /** The key a rule is found by at run time: its package and name. */
    static String key(String pkg, String ruleName) {
        return pkg + "/" + ruleName;
    }
}
