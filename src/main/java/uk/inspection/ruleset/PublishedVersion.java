package uk.inspection.ruleset;

import java.time.Instant;
import java.util.List;

/**
 * A version of a framework as the rule store published it: its content hash, the commit
 * that first published it, when, by whom and with whose approval, the message, the files
 * that changed from the version before, the instant it takes effect from (its approver's
 * {@code effectiveFrom}, or the publish itself), and its cancellation if an approver
 * cancelled it before it took effect.
 */
public record PublishedVersion(String rulesetVersion, String commit, Instant publishedAt, String author,
        String approver, String message, List<String> changedFiles, Instant effectiveFrom, Cancellation cancelled) {

    public PublishedVersion {
        changedFiles = List.copyOf(changedFiles);
        effectiveFrom = effectiveFrom == null ? publishedAt : effectiveFrom;
    }

    /** Who cancelled a scheduled version, when, and why. */
    public record Cancellation(Instant at, String by, String reason, String commit) {
    }

    public PublishedVersion cancelledBy(Cancellation cancellation) {
        return new PublishedVersion(rulesetVersion, commit, publishedAt, author, approver, message, changedFiles,
                effectiveFrom, cancellation);
    }

    public boolean wasCancelled() {
        return cancelled != null;
    }

}
