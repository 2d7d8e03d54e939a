package uk.inspection.records;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import uk.inspection.decision.DecisionKinds;

/**
 * One decision as recorded: its id, when, what kind (a {@link DecisionKinds kind}'s
 * record name: a rating, an oversight assessment, a quarter, a follow-up), the framework,
 * the rule-set version and store commit that decided it, the service it was about, the
 * outcome in a word (the overall's status and rating, or the quadrant, who prepares a
 * follow-up's action plan), how long it took, who asked (the API key's name or the user),
 * and the request and response as canonical JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRecord(String id, Instant recordedAt, String kind, String framework, String rulesetVersion,
        String storeCommit, String service, String outcome, long latencyMicros, String client,
        @JsonRawValue String request, @JsonRawValue String response) {

    public DecisionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind of " + id);
        Objects.requireNonNull(framework, "framework of " + id);
        Objects.requireNonNull(rulesetVersion, "rulesetVersion of " + id);
    }

    /** The endpoint a replay goes to (InProcessApi's name for it); null for a rating. */
    public String endpoint() {
        return DecisionKinds.installed().recorded(kind).endpoint();
    }
}
