package uk.inspection.ratings.facts;

/**
 * The status of a key question's or a standard's result, as the rules set it and the
 * response reports it.
 */
public enum ResultStatus {

    /** Rated: the rules gave a rating. */
    RATED,
    /** No evidence to rate (no inspected cases), so deliberately no rating. */
    NOT_APPLICABLE,
    /** The ratings panel chooses among the ratings the rules permit. */
    PENDING_PANEL,
    /** A yes/no judgement, answered in the request. */
    ANSWERED

}
