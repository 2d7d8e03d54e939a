package uk.inspection.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.jgit.lib.ObjectId;

import uk.inspection.ruleset.EffectiveDates;
import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.ruleset.RulesSnapshot;
import uk.inspection.ruleset.RulesSource;

/**
 * The store mode's source: what is served is each framework's version in force now (the
 * published branch's head, but for a version scheduled to take effect later), and every
 * version ever published can be found again at the commit that published it.
 */
public final class StoreRules implements RulesSource {

    private final GitRuleStore store;

    private final VersionIndex index = new VersionIndex();

    private final StoreDamage damage;

    private final Clock clock;

    public StoreRules(GitRuleStore store) {
        this(store, new StoreDamage(), Clock.systemUTC());
    }

    StoreRules(GitRuleStore store, StoreDamage damage, Clock clock) {
        this.store = store;
        this.damage = damage;
        this.clock = clock;
    }

    @Override
    public RulesSnapshot current() {
        return inForceAt(clock.instant());
    }

    /**
     * Each framework at the commit that published its version in force at the instant; a
     * framework none of whose versions has taken effect yet is left out. A framework the
     * index cannot read (damage) is read at the head, where the damage shows.
     */
    public InForceSnapshot inForceAt(Instant at) {
        try {
            ObjectId head = store.head(GitRuleStore.PUBLISHED);
            Map<String, ObjectId> commits = new TreeMap<>();
            for (String framework : new CommitSnapshot(store, head).frameworks()) {
                List<PublishedVersion> versions = index(framework);
                if (versions.isEmpty()) {
                    commits.put(framework, head);
                }
                else {
                    EffectiveDates.inForceAt(versions, at)
                        .ifPresent(v -> commits.put(framework, ObjectId.fromString(v.commit())));
                }
            }
            return new InForceSnapshot(store, head, commits);
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

    /**
     * The store commit each framework is served from now: it changes when a publish
     * lands, and when a scheduled version's instant comes.
     */
    @Override
    public Map<String, String> servedCommits() {
        Map<String, String> served = new TreeMap<>();
        inForceAt(clock.instant()).commits().forEach((framework, commit) -> served.put(framework, commit.getName()));
        return served;
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
