package uk.inspection.engine;

/** One result of an evaluation and the rule that produced it. */
public record TraceEntry(String result, String rule, String source, String detail) {
}
