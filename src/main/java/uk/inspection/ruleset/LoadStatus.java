package uk.inspection.ruleset;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How the last attempt to load a rule set went; a failed load names what is still being served, if anything. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadStatus(String status, Instant attemptedAt, List<LoadProblem> errors, String servingVersion) {

    public static final String OK = "OK";
    public static final String FAILED = "FAILED";

    public LoadStatus {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    static LoadStatus ok(Instant at) {
        return new LoadStatus(OK, at, null, null);
    }

    static LoadStatus failed(Instant at, List<LoadProblem> errors, String servingVersion) {
        return new LoadStatus(FAILED, at, errors, servingVersion);
    }
}
