package uk.inspection.drafts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

import uk.inspection.people.Person;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;
import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.ruleset.RuleSetFiles;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.ruleset.VersionPrefix;
import uk.inspection.store.GitRuleStore;
import uk.inspection.store.StoreCommit;
import uk.inspection.store.StoreConflictException;
import uk.inspection.store.StoreRules;
import uk.inspection.store.StoreSync;
import uk.inspection.store.Trailers;

/**
 * Changes to the rules, as the methodology team makes them: a draft on its own branch,
 * based on the published version; amended, withdrawn or rebased by editors; approved by a
 * second person (never anyone who changed it, only at the head they reviewed, never while
 * it fails its review, never when the published version has moved underneath it), which
 * publishes it; or rejected with a reason. A rollback is a draft that restores an earlier
 * version, through the same approval. Every step is a commit with who (and their
 * identity) and when, so the store's history is the record of it; a refused step writes
 * nothing.
 */
@Service
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
public class Drafts {

    private static final SecureRandom IDS = new SecureRandom();

    private static final Logger log = LoggerFactory.getLogger(Drafts.class);

    /** The last steps after which a draft is no longer open. */
    private static final Set<String> FINISHED = Set.of("published", "withdrawn", "rejected");

    private final GitRuleStore store;

    private final StoreRules rules;

    private final StoreSync sync;

    private final DraftReviews reviews;

    private final RuleSetRegistry registry;

    private final Clock clock;

    Drafts(GitRuleStore store, StoreRules rules, StoreSync sync, DraftReviews reviews, RuleSetRegistry registry,
            Clock clock) {
        this.clock = clock;
        this.store = store;
        this.rules = rules;
        this.sync = sync;
        this.reviews = reviews;
        this.registry = registry;
        sync.whenPublishedMoves(this::completeApprovals);
    }

    public synchronized Decision<Draft> create(String framework, Map<String, byte[]> files, Person user, String message)
            throws IOException {
        if (!registry.knows(framework)) {
            return Decision.refused(Failure.unknownFramework(framework, registry.frameworks().keySet()));
        }
        ObjectId base = published();
        if (!changes(base, files)) {
            return Decision.refused(DraftFailure.unchanged(framework));
        }
        return Decision.decided(newDraft(framework, base, files, user, message, null));
    }

    /**
     * A draft restoring the rule files the framework had at an earlier published version,
     * named by its rulesetVersion (or a prefix of it: {@link VersionPrefix}) or commit.
     */
    public synchronized Decision<Draft> rollback(String framework, String to, Person user, String message)
            throws IOException {
        return VersionPrefix.resolvePublished("to", to, rules.published(framework).orElse(List.of()))
            .then(version -> StoreStep.unchecked(() -> rollbackTo(framework, version, user, message)));
    }

    private Decision<Draft> rollbackTo(String framework, String version, Person user, String message)
            throws IOException {
        PublishedVersion target = rules.published(framework)
            .orElse(List.of())
            .stream()
            .filter(v -> v.rulesetVersion().equals(version) || v.commit().equals(version))
            .findFirst()
            .orElse(null);
        if (target == null) {
            return Decision.refused(Failure.versionGone(framework, version, "no such version was ever published"));
        }
        ObjectId base = published();
        // The fixtures of that version too: they describe its rules, and newer ones would
        // fail against them.
        List<String> folders = folders(framework);
        Map<String, byte[]> restored = new TreeMap<>(store.files(ObjectId.fromString(target.commit()), folders));
        store.files(base, folders).keySet().forEach(path -> restored.putIfAbsent(path, null));
        if (!changes(base, restored)) {
            return Decision.refused(DraftFailure.unchanged(framework));
        }
        String words = message == null || message.isBlank()
                ? "Roll back " + framework + " to " + target.rulesetVersion() : message;
        return Decision.decided(newDraft(framework, base, restored, user, words, target.rulesetVersion()));
    }

    private Draft newDraft(String framework, ObjectId base, Map<String, byte[]> files, Person user, String message,
            String restores) throws IOException {
        for (int attempt = 0;; attempt++) {
            String id = "d-" + Long.toString(Math.abs(IDS.nextLong()), 36).substring(0, 8);
            Map<String, String> trailers = new LinkedHashMap<>();
            trailers.put("Step", "created");
            trailers.put("Framework", framework);
            trailers.put("Draft", id);
            trailers.put("Base", base.getName());
            if (restores != null) {
                trailers.put("Restores", restores);
            }
            trailers.put(FourEyes.AUTHOR_ID, user.id());
            try {
                store.commit(GitRuleStore.DRAFTS + id, null, base, null, files, GitRuleStore.person(user.name()),
                        message(message, "Draft for " + framework, trailers));
                return find(id).orElseThrow();
            }
            catch (StoreConflictException e) {
                if (attempt > 5) {
                    throw new IOException("cannot make a new draft branch: " + e.getMessage(), e);
                }
            }
        }
    }

    public synchronized Decision<Draft> amend(String id, Map<String, byte[]> files, Person user) throws IOException {
        return open(id).then(draft -> step(draft, files, user, "Amended by " + user.name(), Map.of("Step", "amended")));
    }

    public synchronized Decision<Draft> withdraw(String id, Person user) throws IOException {
        return open(id)
            .then(draft -> step(draft, Map.of(), user, "Withdrawn by " + user.name(), Map.of("Step", "withdrawn")));
    }

    public synchronized Decision<Draft> reject(String id, Person user, String reason) throws IOException {
        return open(id).then(draft -> step(draft, Map.of(), user, reason, Map.of("Step", "rejected")));
    }

    /**
     * The draft's changes carried onto the published version as it is now; a file changed
     * on both sides is a conflict.
     */
    public synchronized Decision<Draft> rebase(String id, Person user) throws IOException {
        Decision<Draft> found = open(id);
        if (!(found instanceof Decision.Decided<Draft> decided)) {
            return found;
        }
        Draft draft = decided.value();
        ObjectId published = published();
        if (published.getName().equals(draft.base())) {
            return found;
        }
        ObjectId base = ObjectId.fromString(draft.base());
        List<String> folders = folders(draft.framework());
        Map<String, byte[]> theirs = store.files(published, folders);
        Map<String, byte[]> before = store.files(base, folders);
        List<String> conflicts = draft.files()
            .stream()
            .filter(path -> !same(before.get(path), theirs.get(path)))
            .toList();
        if (!conflicts.isEmpty()) {
            return Decision.refused(DraftFailure.conflicts(draft, conflicts));
        }
        Map<String, byte[]> mine = store.files(ObjectId.fromString(draft.head()), folders);
        Map<String, byte[]> carried = new TreeMap<>();
        draft.files().forEach(path -> carried.put(path, mine.get(path)));
        try {
            ObjectId head = ObjectId.fromString(draft.head());
            store.commit(GitRuleStore.DRAFTS + id, head, head, published, carried, GitRuleStore.person(user.name()),
                    message("Rebased by " + user.name() + " onto " + published.getName(), null,
                            Map.of("Step", "rebased", "Base", published.getName(), FourEyes.AUTHOR_ID, user.id())));
        }
        catch (StoreConflictException e) {
            return Decision.refused(DraftFailure.notOpen(draft));
        }
        return Decision.decided(find(id).orElseThrow());
    }

    /**
     * Publishes the draft at {@code head}, the commit its approver reviewed: a merge onto
     * the published branch, with its author, the approver and the message; then every
     * replica goes live on it. The writes are ordered so that a crash between any two of
     * them recovers: until the merge lands nothing has happened and the draft stays open;
     * a merge without the draft's own "published" step is completed by
     * {@link #completeApprovals()} at the next start or refresh; an instance that
     * restarts builds what is published.
     */
    public Decision<Draft> approve(String id, Person user, String message, String head) throws IOException {
        return approve(id, user, message, head, null);
    }

    /**
     * Publishes the draft as {@link #approve(String, Person, String, String)} does, to
     * take effect at {@code effectiveFrom} (null: now): published to the store at once,
     * scheduled until then. Refused (422, naming {@code effectiveFrom}) for an instant in
     * the past, which would rewrite what was in force, or before a version of the
     * framework scheduled already (publication order is the order of taking effect).
     */
    public Decision<Draft> approve(String id, Person user, String message, String head, Instant effectiveFrom)
            throws IOException {
        // The review is computed (or found) before the store's lock is taken: a build
        // takes seconds or minutes, and every step on every draft waits for that lock.
        find(id).filter(Draft::isOpen).ifPresent(reviews::review);
        return approveReviewed(id, user, message, head, effectiveFrom);
    }

    private synchronized Decision<Draft> approveReviewed(String id, Person user, String message, String head,
            Instant effectiveFrom) throws IOException {
        Decision<Draft> found = open(id);
        if (!(found instanceof Decision.Decided<Draft> decided)) {
            return found;
        }
        Draft draft = decided.value();
        Optional<Failure> refused = FourEyes.refusal(store, draft, steps(id), user, head);
        if (refused.isPresent()) {
            return Decision.refused(refused.get());
        }
        ObjectId published = published();
        if (!published.getName().equals(draft.base())) {
            return Decision.refused(DraftFailure.stale(draft, published.getName()));
        }
        DraftReview review = reviews.reviewed(draft).orElse(null);
        if (review == null) {
            return Decision.refused(DraftFailure.changedWhileReviewed(draft));
        }
        if (!review.passes()) {
            return Decision
                .refused(DraftFailure.failing(draft, review.validation().size(), review.fixtures().failed()));
        }
        Instant now = clock.instant();
        Instant from = effectiveFrom == null ? now : effectiveFrom;
        Optional<Failure> untimely = Schedule.refusal(draft.framework(), effectiveFrom, now,
                rules.published(draft.framework()).orElse(List.of()));
        if (untimely.isPresent()) {
            return Decision.refused(untimely.get());
        }
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put("Step", draft.restores() == null ? "published" : "rolled-back");
        trailers.put(Trailers.FRAMEWORK, draft.framework());
        trailers.put("Draft", draft.id());
        trailers.put("Approved-by", user.name());
        trailers.put(Trailers.EFFECTIVE_FROM, from.toString());
        ObjectId commit;
        try {
            commit = store.commit(GitRuleStore.PUBLISHED, published, published, ObjectId.fromString(draft.head()),
                    Map.of(), GitRuleStore.person(draft.author()),
                    message(message == null || message.isBlank() ? draft.message() : message, null, trailers));
        }
        catch (StoreConflictException e) {
            return Decision.refused(DraftFailure.stale(draft, String.valueOf(store.head(GitRuleStore.PUBLISHED))));
        }
        markPublished(draft, user, commit.getName());
        sync.refresh();
        return Decision.decided(find(id).orElseThrow());
    }

    /**
     * Cancels a version scheduled to take effect later: a step on the published branch,
     * with its reason, that puts back the framework's files of the version in force
     * before, so the next draft starts from them. Refused (409) once the version has
     * taken effect (roll back instead), or while a version scheduled after it stands
     * (cancel that first).
     */
    public synchronized Decision<PublishedVersion> cancel(String framework, String version, Person user, String reason)
            throws IOException {
        List<PublishedVersion> published = rules.published(framework).orElse(List.of());
        Decision<PublishedVersion> cancellable = Schedule.cancellable(framework, version, clock.instant(), published);
        if (!(cancellable instanceof Decision.Decided<PublishedVersion> decided)) {
            return cancellable;
        }
        PublishedVersion scheduled = decided.value();
        ObjectId head = published();
        ObjectId before = store.firstParent(ObjectId.fromString(scheduled.commit()));
        List<String> folders = folders(framework);
        Map<String, byte[]> restored = new TreeMap<>(store.files(before, folders));
        store.files(head, folders).keySet().forEach(path -> restored.putIfAbsent(path, null));
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put("Step", "cancelled");
        trailers.put(Trailers.FRAMEWORK, framework);
        trailers.put(Trailers.CANCELS, scheduled.commit());
        trailers.put(Trailers.REASON, reason);
        trailers.put(FourEyes.AUTHOR_ID, user.id());
        try {
            store.commit(GitRuleStore.PUBLISHED, head, head, null, restored, GitRuleStore.person(user.name()),
                    message("Cancel " + framework + " " + scheduled.rulesetVersion() + ", scheduled from "
                            + scheduled.effectiveFrom(), null, trailers));
        }
        catch (StoreConflictException e) {
            return Decision.refused(new Failure(ProblemType.CONFLICT,
                    "the published versions moved while cancelling; look again and retry", List.of()));
        }
        sync.refresh();
        return Decision.decided(rules.published(framework)
            .orElse(List.of())
            .stream()
            .filter(v -> v.commit().equals(scheduled.commit()))
            .findFirst()
            .orElseThrow());
    }

    /**
     * The second of approve's writes: the draft's own record that a published commit
     * merged it. Refused without effect when the draft was marked already.
     */
    private Decision<Draft> markPublished(Draft draft, Person approver, String commit) {
        return step(draft, Map.of(), approver, "Approved by " + approver.name(),
                Map.of("Step", "published", "Published-as", commit));
    }

    /**
     * Completes approvals stopped between their two writes (a kill just after the
     * published branch moved): an open draft that a published commit merged is marked
     * published, as approve would have marked it. It takes no lock of Drafts' own (a
     * refresh runs it, and approve waits on a refresh): an approval under way that meets
     * it finds its draft marked, and its own step refused without effect.
     */
    private void completeApprovals() {
        try {
            for (StoreCommit commit : store.log(GitRuleStore.PUBLISHED)) {
                String id = commit.trailer("Draft");
                ObjectId head = id == null ? null : store.head(GitRuleStore.DRAFTS + id);
                if (head != null && !FINISHED.contains(Objects.toString(store.describe(head).trailer("Step"), ""))) {
                    Person approver = Person.named(Objects.toString(commit.trailer("Approved-by"), commit.author()));
                    Draft draft = find(id).filter(Draft::isOpen).orElse(null);
                    if (draft != null && markPublished(draft, approver, commit.id()) instanceof Decision.Decided) {
                        log.warn("Draft {} was published as {} by an approval that stopped before saying so;"
                                + " it is now marked published", id, commit.id());
                    }
                }
            }
        }
        catch (IOException | UncheckedIOException e) {
            log.error("Cannot complete the approvals the published branch holds: {}", e.getMessage());
        }
    }

    /**
     * The step by which this person changed the draft (created, amended, rebased), if
     * they did.
     */
    public Optional<String> changedBy(Draft draft, Person person) throws IOException {
        return FourEyes.changedBy(steps(draft.id()), person);
    }

    private Decision<Draft> step(Draft draft, Map<String, byte[]> files, Person user, String words,
            Map<String, String> trailers) {
        try {
            Map<String, String> all = new LinkedHashMap<>(trailers);
            all.put("Draft", draft.id());
            all.put("Framework", draft.framework());
            all.put(FourEyes.AUTHOR_ID, user.id());
            ObjectId head = ObjectId.fromString(draft.head());
            store.commit(GitRuleStore.DRAFTS + draft.id(), head, head, null, files, GitRuleStore.person(user.name()),
                    message(words, trailers.get("Step"), all));
            return Decision.decided(find(draft.id()).orElseThrow());
        }
        catch (StoreConflictException e) {
            return Decision.refused(DraftFailure.notOpen(draft));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Optional<Draft> find(String id) throws IOException {
        if (!id.matches("d-[0-9a-z]{1,12}") || store.head(GitRuleStore.DRAFTS + id) == null) {
            return Optional.empty();
        }
        List<StoreCommit> steps = steps(id);
        StoreCommit created = steps.get(steps.size() - 1);
        StoreCommit last = steps.get(0);
        String framework = created.trailer("Framework");
        String base = steps.stream().map(c -> c.trailer("Base")).filter(Objects::nonNull).findFirst().orElseThrow();
        Draft.Status status = switch (Objects.toString(last.trailer("Step"), "")) {
            case "withdrawn" -> Draft.Status.WITHDRAWN;
            case "rejected" -> Draft.Status.REJECTED;
            case "published" -> Draft.Status.PUBLISHED;
            default -> Draft.Status.OPEN;
        };
        List<String> files = new ArrayList<>();
        for (String folder : folders(framework)) {
            files.addAll(store.changed(ObjectId.fromString(base), ObjectId.fromString(last.id()), folder));
        }
        List<Draft.Step> history = steps.stream()
            .map(c -> new Draft.Step(c.trailer("Step"), c.author(), c.time(), c.subject(), id, c.id()))
            .toList();
        return Optional.of(new Draft(id, framework, status, created.author(), created.subject(), base, last.id(),
                created.trailer("Restores"), last.trailer("Published-as"), files, history));
    }

    /** The draft's commits, newest first, back to the one that created it. */
    private List<StoreCommit> steps(String id) throws IOException {
        List<StoreCommit> steps = new ArrayList<>();
        for (StoreCommit commit : store.log(GitRuleStore.DRAFTS + id)) {
            steps.add(commit);
            if ("created".equals(commit.trailer("Step"))) {
                break;
            }
        }
        return steps;
    }

    /** The framework's drafts, newest first. */
    public List<Draft> list(String framework) throws IOException {
        List<Draft> drafts = new ArrayList<>();
        for (String id : store.branches(GitRuleStore.DRAFTS)) {
            find(id).filter(d -> d.framework().equals(framework)).ifPresent(drafts::add);
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.steps().get(d.steps().size() - 1).at()).reversed());
        return drafts;
    }

    /**
     * Every step taken on the framework's rules, newest first: drafts' steps and the
     * published branch's.
     */
    public List<Draft.Step> history(String framework) throws IOException {
        List<Draft.Step> steps = new ArrayList<>();
        for (Draft draft : list(framework)) {
            // a draft's "published" marker says what the published branch's own commit
            // says, below
            draft.steps().stream().filter(step -> !"published".equals(step.step())).forEach(steps::add);
        }
        for (StoreCommit commit : store.log(GitRuleStore.PUBLISHED)) {
            String step = commit.trailer("Step");
            if ("seeded".equals(step) || framework.equals(commit.trailer("Framework"))) {
                steps.add(new Draft.Step(step == null ? "committed" : step,
                        commit.trailer("Approved-by") != null ? commit.trailer("Approved-by") : commit.author(),
                        commit.time(), commit.subject(), commit.trailer("Draft"), commit.id()));
            }
        }
        steps.sort(Comparator.comparing(Draft.Step::at).reversed());
        return steps;
    }

    private Decision<Draft> open(String id) throws IOException {
        Draft draft = find(id).orElse(null);
        if (draft == null) {
            return Decision.refused(DraftFailure.noSuchDraft(id));
        }
        return draft.isOpen() ? Decision.decided(draft) : Decision.refused(DraftFailure.notOpen(draft));
    }

    private boolean changes(ObjectId base, Map<String, byte[]> files) throws IOException {
        Map<String, byte[]> current = store.files(base,
                files.keySet().stream().map(path -> path.substring(0, path.lastIndexOf('/'))).distinct().toList());
        return files.entrySet().stream().anyMatch(f -> !same(f.getValue(), current.get(f.getKey())));
    }

    private ObjectId published() throws IOException {
        return store.head(GitRuleStore.PUBLISHED);
    }

    private static boolean same(byte[] a, byte[] b) {
        return a == null ? b == null : b != null && Arrays.equals(a, b);
    }

    /**
     * Uploaded files for a draft of the framework, placed and checked ({@link Uploads})
     * against its published files; refused for a framework the service does not know.
     */
    public Decision<Map<String, byte[]>> uploads(String framework, List<Uploads.Part> parts) throws IOException {
        if (!registry.knows(framework)) {
            return Decision.refused(Failure.unknownFramework(framework, registry.frameworks().keySet()));
        }
        List<String> existing = new ArrayList<>(store.files(published(), folders(framework)).keySet());
        return Uploads.read(framework, parts, existing, registry.buildLimits());
    }

    /** The folders a framework's draft may change. */
    public static List<String> folders(String framework) {
        return List.of(RuleSetFiles.RULES + "/" + framework, RuleSetFiles.TABLES + "/" + framework,
                "fixtures/" + framework);
    }

    /**
     * A commit message: the person's words (or a default), then the trailers that record
     * the step.
     */
    private static String message(String words, String fallback, Map<String, String> trailers) {
        String text = words == null || words.isBlank() ? Objects.toString(fallback, "") : words.strip();
        // The trailers are the last paragraph, which Git reads as trailers; the person's
        // words never are.
        StringBuilder message = new StringBuilder(text).append("\n\n");
        trailers.forEach(
                (name, value) -> message.append(name).append(": ").append(value.replaceAll("\\s+", " ")).append('\n'));
        return message.toString();
    }

}
