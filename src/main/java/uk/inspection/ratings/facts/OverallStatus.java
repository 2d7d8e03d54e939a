package uk.inspection.ratings.facts;

/** The status of an overall rating. */
public enum OverallStatus {

    /** Every rating is decided: score, rating and computed rating are set. */
    FINAL,
    /**
     * A standard awaits the ratings panel: the options say what each choice would give.
     */
    PENDING_PANEL,
    /**
     * A standard that counts is not applicable, so the scores cannot be added up: the
     * reasons say which.
     */
    INCOMPLETE

}
