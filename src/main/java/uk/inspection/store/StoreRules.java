package uk.inspection.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.lib.ObjectId;

import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.ruleset.RulesSnapshot;
import uk.inspection.ruleset.RulesSource;

/**
 * The store mode's source: the published branch's head is what is served, and every
 * version ever published can be found again at the commit that published it.
 */
public final class StoreRules implements RulesSource {

    private final GitRuleStore store;

    private final VersionIndex index = new VersionIndex();

    private final StoreDamage damage;

    public StoreRules(GitRuleStore store) {
        this(store, new StoreDamage());
    }

    StoreRules(GitRuleStore store, StoreDamage damage) {
        this.store = store;
        this.damage = damage;
    }

    @Override
    public RulesSnapshot current() {
        try {
            return new CommitSnapshot(store, store.head(GitRuleStore.PUBLISHED));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<RulesSnapshot> holding(String framework, String version) {
        return index(framework).stream()
            .filter(v -> v.rulesetVersion().equals(version))
            .findFirst()
            .map(v -> new CommitSnapshot(store, ObjectId.fromString(v.commit())));
    }

    @Override
    public Optional<List<PublishedVersion>> published(String framework) {
        return Optional.of(index(framework));
    }

    @Override
    public Optional<String> damaged(String framework) {
        return damage.framework(framework);
    }

    /**
     * A framework's published versions as far as they can be read: damage found on the
     * way is recorded, and never turns another framework's answers into errors.
     */
    private List<PublishedVersion> index(String framework) {
        try {
            index.refresh(store, damage);
        }
        catch (IOException | UncheckedIOException e) {
            damage.found(new StoreCheck.Damage(null, "the published history cannot be read: " + e.getMessage()));
        }
        return index.versions(framework);
    }

    /** The rules at one commit of the store (a draft's head, say). */
    public RulesSnapshot snapshotAt(ObjectId commit) {
        return new CommitSnapshot(store, commit);
    }

    public GitRuleStore store() {
        return store;
    }

}
