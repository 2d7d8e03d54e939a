package uk.inspection.ruleset;

import java.time.Instant;
import java.util.List;

/**
 * A version of a framework as the rule store published it: its content hash, the commit
 * that first published it, when, by whom and with whose approval, the message, and the
 * files that changed from the version before.
 */
public record PublishedVersion(String rulesetVersion, String commit, Instant publishedAt, String author,
        String approver, String message, List<String> changedFiles) {

    public PublishedVersion {
        changedFiles = List.copyOf(changedFiles);
    }
}
