package uk.inspection.store;

import java.util.List;

import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.ProblemType;

/** The ways a step on a draft is refused, each leaving the store as it was. */
final class DraftFailure {

    private DraftFailure() {
    }

    static Failure noSuchDraft(String id) {
        return new Failure(ProblemType.NOT_FOUND, "no draft '" + id + "'", null);
    }

    static Failure notOpen(Draft draft) {
        return new Failure(ProblemType.CONFLICT, "draft " + draft.id() + " is " + draft.status().name().toLowerCase()
                + ": only an open draft can change", null);
    }

    static Failure selfApproval(Draft draft) {
        return new Failure(ProblemType.FORBIDDEN,
                "the author of a draft cannot approve it: draft " + draft.id() + " needs a second person", null);
    }

    static Failure stale(Draft draft, String published) {
        return new Failure(ProblemType.CONFLICT, "draft " + draft.id() + " is based on " + draft.base()
                + " but the published version has moved to " + published + ": rebase the draft and review it again",
                null);
    }

    static Failure conflicts(Draft draft, List<String> files) {
        return new Failure(ProblemType.CONFLICT,
                "draft " + draft.id() + " and the published version both changed " + String.join(", ", files)
                        + " since the draft was based: make the edit again on the published version",
                files.stream().map(f -> new FieldProblem(f, "changed both in the draft and since its base")).toList());
    }

    static Failure failing(Draft draft, int problems, int failedFixtures) {
        return new Failure(ProblemType.CONFLICT,
                "draft " + draft.id() + " cannot be approved: " + problems + " validation problem(s) and "
                        + failedFixtures + " failing fixture(s); see GET /api/v1/drafts/" + draft.id(),
                null);
    }

    /**
     * The draft moved on while its review was computed, so nobody has reviewed its head.
     */
    static Failure changedWhileReviewed(Draft draft) {
        return new Failure(ProblemType.CONFLICT,
                "draft " + draft.id() + " changed while it was being reviewed (its head is now " + draft.head()
                        + "); read it again with GET /api/v1/drafts/" + draft.id(),
                null);
    }

    static Failure unchanged(String framework) {
        return new Failure(ProblemType.INVALID_FACTS, "the files given do not change " + framework,
                List.of(new FieldProblem("files", "every file is the same as the published one")));
    }

}
