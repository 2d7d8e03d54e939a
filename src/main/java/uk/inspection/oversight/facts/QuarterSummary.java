package uk.inspection.oversight.facts;

/**
 * A quarter's totals, for the rules that judge the quarter as a whole (such as the YJB's
 * capacity).
 */
public record QuarterSummary(String quarter, int services, int priorityServices) {
}
