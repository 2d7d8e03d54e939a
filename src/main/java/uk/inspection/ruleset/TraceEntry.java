package uk.inspection.ruleset;

/** One result of an evaluation and the rule that produced it. */
public record TraceEntry(String result, String rule, String source, String detail) {}
