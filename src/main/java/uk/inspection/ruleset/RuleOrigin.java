package uk.inspection.ruleset;

/** Where a rule was written: the source file and the line (DRL) or row (decision table). */
public record RuleOrigin(String source, String detail) {}
