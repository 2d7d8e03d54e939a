package uk.inspection.web;

/** The roles of the service, as configured. */
public final class Roles {

    /** Manages a running service: reloads, versions, history, drafts read. */
    public static final String METHODOLOGY = "methodology";

    /**
     * Proposes rule changes: creates, amends, withdraws and rebases drafts, proposes
     * rollbacks.
     */
    public static final String EDITOR = "methodology-editor";

    /** Approves (publishes) or rejects other people's drafts. */
    public static final String APPROVER = "methodology-approver";

    private Roles() {
    }

}
