package uk.inspection.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A commit of the rule store: its id, when, who made the change (the author; the service
 * is the committer), the message's first line, and its trailers ({@code Step: published},
 * {@code Approved-by: …}).
 */
public record StoreCommit(String id, Instant time, String author, String subject, Map<String, List<String>> trailers) {

    public StoreCommit {
        trailers = Map.copyOf(trailers);
    }

    public String trailer(String name) {
        List<String> values = trailers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
