package uk.inspection.drafts;

import java.util.ArrayList;
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

    static Failure selfApproval(Draft draft, String approver, String step) {
        return new Failure(ProblemType.FORBIDDEN, approver + " " + step + " draft " + draft.id()
                + ", so cannot approve it: nobody who authored a change to a draft (its creator, anyone who amended or"
                + " rebased it) may approve it; it needs a second person", null);
    }

    static Failure noHead(Draft draft) {
        return new Failure(ProblemType.INVALID_FACTS, "an approval names the head of the draft it reviewed",
                List.of(new FieldProblem("head",
                        "the draft's head as you reviewed it (draft.head in GET /api/v1/drafts/" + draft.id() + ")")));
    }

    static Failure unknownHead(Draft draft, String head) {
        return new Failure(ProblemType.INVALID_FACTS, "'" + head + "' is not a commit of draft " + draft.id(),
                List.of(new FieldProblem("head", "not a commit of draft " + draft.id())));
    }

    static Failure moved(Draft draft, String reviewed, List<String> files) {
        List<FieldProblem> errors = new ArrayList<>();
        errors.add(new FieldProblem("head", "the draft's head is now " + draft.head()));
        files.forEach(file -> errors.add(new FieldProblem(file, "changed since " + reviewed)));
        return new Failure(ProblemType.CONFLICT,
                "draft " + draft.id() + " changed since you reviewed it at " + reviewed + ": its head is now "
                        + draft.head() + " (" + (files.isEmpty() ? "no file changed" : String.join(", ", files))
                        + "); review it again and approve its head",
                errors);
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
