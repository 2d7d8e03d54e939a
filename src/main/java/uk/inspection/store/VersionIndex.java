package uk.inspection.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.jgit.lib.ObjectId;

import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.ruleset.RuleSetFiles;

/**
 * Every version of every framework the published branch has ever held: the content hash
 * (the {@code rulesetVersion} of decisions) and the commit that first published it. Read
 * from the commits themselves, so a commit made to the store by other Git tools counts
 * too; only commits that change a framework's folders are hashed again.
 */
final class VersionIndex {

    /** One framework's published versions, newest first. */
    private final Map<String, List<PublishedVersion>> byFramework = new HashMap<>();

    /**
     * Per framework, the tree ids of its two folders and its version at the last indexed
     * commit.
     */
    private final Map<String, String> lastTrees = new HashMap<>();

    private final Map<String, String> lastVersion = new HashMap<>();

    /** The published head the index was built up to. */
    private ObjectId indexedHead;

    /** Indexes the commits published since the last refresh, oldest first. */
    synchronized void refresh(GitRuleStore store, StoreDamage damage) throws IOException {
        ObjectId head = store.head(GitRuleStore.PUBLISHED);
        if (head == null || head.equals(indexedHead)) {
            return;
        }
        List<StoreCommit> added = new ArrayList<>();
        for (StoreCommit commit : store.log(GitRuleStore.PUBLISHED)) {
            if (indexedHead != null && commit.id().equals(indexedHead.getName())) {
                break;
            }
            added.add(commit);
        }
        Collections.reverse(added);
        ObjectId previous = indexedHead;
        for (StoreCommit commit : added) {
            ObjectId id = ObjectId.fromString(commit.id());
            index(store, commit, id, previous, damage);
            previous = id;
        }
        indexedHead = head;
    }

    /**
     * Indexes one commit; a framework whose files cannot be read there is recorded as
     * damaged and left out, the others are indexed.
     */
    private void index(GitRuleStore store, StoreCommit commit, ObjectId id, ObjectId previous, StoreDamage damage) {
        CommitSnapshot snapshot = new CommitSnapshot(store, id);
        for (String framework : snapshot.frameworks()) {
            try {
                index(store, commit, id, previous, snapshot, framework);
            }
            catch (IOException e) {
                damage.found(new StoreCheck.Damage(framework, "the files of " + framework + " at commit " + commit.id()
                        + " cannot be read: " + e.getMessage()));
            }
        }
    }

    private void index(GitRuleStore store, StoreCommit commit, ObjectId id, ObjectId previous, CommitSnapshot snapshot,
            String framework) throws IOException {
        String rules = RuleSetFiles.RULES + "/" + framework;
        String tables = RuleSetFiles.TABLES + "/" + framework;
        String trees = Objects.toString(store.treeOf(id, rules)) + " " + Objects.toString(store.treeOf(id, tables));
        if (trees.equals(lastTrees.get(framework))) {
            return;
        }
        String version = RuleSetFiles.version(snapshot.files(framework));
        if (framework.equals(commit.trailer(Trailers.FRAMEWORK)) && commit.trailer(Trailers.CANCELS) != null) {
            cancel(framework, commit);
            lastVersion.put(framework, version);
        }
        else if (!version.equals(lastVersion.get(framework))) {
            List<String> changed = new ArrayList<>(store.changed(previous, id, rules));
            changed.addAll(store.changed(previous, id, tables));
            byFramework.computeIfAbsent(framework, f -> new ArrayList<>())
                .add(0, new PublishedVersion(version, commit.id(), commit.time(), commit.author(),
                        commit.trailer("Approved-by"), commit.subject(), changed, Trailers.effectiveFrom(commit),
                        null));
            lastVersion.put(framework, version);
        }
        lastTrees.put(framework, trees);
    }

    /**
     * A cancellation: the version it names is marked cancelled, and the files it restores
     * are not a version of their own (they are the one in force before).
     */
    private void cancel(String framework, StoreCommit commit) {
        List<PublishedVersion> versions = byFramework.getOrDefault(framework, new ArrayList<>());
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).commit().equals(commit.trailer(Trailers.CANCELS))) {
                versions.set(i,
                        versions.get(i)
                            .cancelledBy(new PublishedVersion.Cancellation(commit.time(), commit.author(),
                                    commit.trailer(Trailers.REASON), commit.id())));
            }
        }
    }

    synchronized List<PublishedVersion> versions(String framework) {
        return List.copyOf(byFramework.getOrDefault(framework, List.of()));
    }

    synchronized Optional<PublishedVersion> find(String framework, String version) {
        return byFramework.getOrDefault(framework, List.of())
            .stream()
            .filter(v -> v.rulesetVersion().equals(version))
            .findFirst();
    }

}
