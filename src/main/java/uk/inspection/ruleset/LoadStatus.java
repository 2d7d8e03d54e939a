package uk.inspection.ruleset;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.inspection.engine.LoadProblem;

/**
 * How the last attempt to load a rule set went; a failed load names what is still being
 * served, if anything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadStatus(Status status, Instant attemptedAt, List<LoadProblem> errors, String servingVersion,
        String failedVersion) {

    public enum Status {

        OK, FAILED

    }

    public LoadStatus {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    static LoadStatus ok(Instant at) {
        return new LoadStatus(Status.OK, at, null, null, null);
    }

    /**
     * A failed build: its errors, what is still served (if anything) and the content hash
     * of the files that failed.
     */
    static LoadStatus failed(Instant at, List<LoadProblem> errors, String servingVersion, String failedVersion) {
        return new LoadStatus(Status.FAILED, at, errors, servingVersion, failedVersion);
    }
}
