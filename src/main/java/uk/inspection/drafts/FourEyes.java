package uk.inspection.drafts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.lib.ObjectId;

import uk.inspection.problem.Failure;
import uk.inspection.people.Person;
import uk.inspection.store.GitRuleStore;
import uk.inspection.store.StoreCommit;

/**
 * Four eyes, bound to what was reviewed: nobody who took a step that changed a draft
 * (created, amended or rebased it) approves it, people compared by identity, not by the
 * name they gave; and an approval names the head its approver reviewed, so a draft that
 * moved since is reviewed again.
 */
final class FourEyes {

    /** The trailer recording who took a step by their identity, {@link Person#id()}. */
    static final String AUTHOR_ID = "Author-id";

    private FourEyes() {
    }

    /** Why {@code approver} may not approve the draft at {@code reviewed}, if not. */
    static Optional<Failure> refusal(GitRuleStore store, Draft draft, List<StoreCommit> steps, Person approver,
            String reviewed) throws IOException {
        Optional<String> changed = changedBy(steps, approver);
        if (changed.isPresent()) {
            return Optional.of(DraftFailure.selfApproval(draft, approver.name(), changed.get()));
        }
        if (reviewed == null || reviewed.isBlank()) {
            return Optional.of(DraftFailure.noHead(draft));
        }
        if (reviewed.equals(draft.head())) {
            return Optional.empty();
        }
        if (steps.stream().noneMatch(step -> step.id().equals(reviewed))) {
            return Optional.of(DraftFailure.unknownHead(draft, reviewed));
        }
        List<String> files = new ArrayList<>();
        for (String folder : Drafts.folders(draft.framework())) {
            files.addAll(store.changed(ObjectId.fromString(reviewed), ObjectId.fromString(draft.head()), folder));
        }
        return Optional.of(DraftFailure.moved(draft, reviewed, files));
    }

    /** The step (newest first) by which this person changed the draft, if any. */
    static Optional<String> changedBy(List<StoreCommit> steps, Person person) {
        return steps.stream().filter(step -> tookIt(step, person)).map(step -> step.trailer("Step")).findFirst();
    }

    /**
     * Whether the person took the step: by identity; a step recorded before identities
     * were, by name (whoever they signed in as now).
     */
    private static boolean tookIt(StoreCommit step, Person person) {
        String id = step.trailer(AUTHOR_ID);
        return id != null ? id.equals(person.id())
                : Person.named(step.author()).id().equals(Person.named(person.name()).id());
    }

}
