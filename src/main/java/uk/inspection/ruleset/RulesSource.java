package uk.inspection.ruleset;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the served rules come from: what to serve now, and where an earlier version of a
 * framework can be found again (the rule store keeps every published version; a folder
 * keeps only what is on disk).
 */
public interface RulesSource {

    /** The rules to serve now. */
    RulesSnapshot current();

    /**
     * The commit each framework is served from now (empty for a folder): when it changes,
     * what is served is rebuilt.
     */
    default Map<String, String> servedCommits() {
        return Map.of();
    }

    /**
     * A snapshot holding this content-hash version of the framework, if the source has
     * ever had it.
     */
    default Optional<RulesSnapshot> holding(String framework, String version) {
        return Optional.empty();
    }

    /**
     * Every version of the framework ever published, newest first; empty for a source
     * that publishes nothing.
     */
    default Optional<List<PublishedVersion>> published(String framework) {
        return Optional.empty();
    }

    /**
     * What makes the framework's published files unreadable, if the source found them
     * damaged: it is then not served until the source is restored.
     */
    default Optional<String> damaged(String framework) {
        return Optional.empty();
    }

}
