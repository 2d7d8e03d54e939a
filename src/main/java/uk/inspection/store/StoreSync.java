package uk.inspection.store;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import uk.inspection.ruleset.RuleSetRegistry;

/**
 * Keeps this instance on the store's published commit: every {@code rules.store-refresh}
 * (and when asked, by a publish here or a Git server's webhook) a remote store is
 * fetched, and when the published branch has moved, or a scheduled version's instant has
 * come, every framework is rebuilt off the request path; those whose files did not change
 * keep serving as they are. Several instances pointed at one store converge on the same
 * commit this way. What is fetched is read whole first: damage to the published branch
 * keeps what was built serving, damage to a framework's files makes that framework
 * unavailable, and either turns readiness down ({@link StoreDamage}).
 */
@Component
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
public class StoreSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoreSync.class);

    private final GitRuleStore store;

    private final RuleSetRegistry registry;

    private final StoreProperties properties;

    private ScheduledExecutorService scheduler;

    private ObjectId serving;

    private final StoreDamage damage;

    /** The commit each framework was served from after the last rebuild. */
    private Map<String, String> servedCommits;

    private final Clock clock;

    private final List<Runnable> afterMoves = new CopyOnWriteArrayList<>();

    StoreSync(GitRuleStore store, RuleSetRegistry registry, StoreProperties properties, StoreDamage damage, Clock clock)
            throws IOException {
        this.store = store;
        this.registry = registry;
        this.properties = properties;
        this.damage = damage;
        this.clock = clock;
        this.serving = store.head(GitRuleStore.PUBLISHED);
        this.servedCommits = registry.source().servedCommits();
    }

    /**
     * Fetches and, if the published branch moved, rebuilds; returns the commit now
     * served.
     */
    public synchronized String refresh() throws IOException {
        store.fetch();
        List<StoreCheck.Damage> found = store.damageSince(serving);
        found.forEach(damage::found);
        if (found.stream().anyMatch(d -> d.framework() == null)) {
            // what is published cannot be known: what was built goes on serving
            return serving();
        }
        ObjectId head = store.head(GitRuleStore.PUBLISHED);
        Map<String, String> inForce = registry.source().servedCommits();
        if (!head.equals(serving)) {
            long started = System.nanoTime();
            registry.reloadAll();
            log.info("Now serving store commit {} (rebuilt in {} ms)", head.getName(),
                    (System.nanoTime() - started) / 1_000_000);
            serving = head;
            servedCommits = inForce;
            afterMoves.forEach(Runnable::run);
        }
        else if (!inForce.equals(servedCommits)) {
            // a scheduled version's instant came (requests were decided with it from that
            // instant already: the registry picks the version in force per request)
            registry.reloadAll();
            log.info("Now serving the versions in force at {}: {}", clock.instant(), inForce);
            servedCommits = inForce;
        }
        return serving.getName();
    }

    /**
     * Runs the action now, and again each time this instance goes live on a new published
     * commit.
     */
    public void whenPublishedMoves(Runnable action) {
        afterMoves.add(action);
        action.run();
    }

    public synchronized String serving() {
        return serving == null ? null : serving.getName();
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rule-store-sync");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.storeRefresh().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            }
            catch (IOException | RuntimeException e) {
                log.warn("Cannot refresh from the rule store; still serving {}: {}", serving(), e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

}
