package uk.inspection.drafts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A proposed change to one framework, on its own branch of the rule store: who proposed
 * it, the published commit it is based on, its branch's head, the files it changes, where
 * it stands, and every step taken on it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Draft(String id, String framework, Status status, String author, String message, String base, String head,
        String restores, String publishedAs, List<String> files, List<Step> steps) {

    public Draft {
        files = List.copyOf(files);
        steps = List.copyOf(steps);
    }

    /**
     * Where a draft stands; only an open draft can be amended, withdrawn, rebased,
     * approved or rejected.
     */
    public enum Status {

        OPEN, WITHDRAWN, REJECTED, PUBLISHED

    }

    /**
     * One step on a draft, or on the published branch: what, by whom, when, and the words
     * given.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String step, String by, Instant at, String message, String draft, String commit) {
    }

    @JsonIgnore
    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
