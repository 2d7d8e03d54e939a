package uk.inspection.store;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What this running instance has found damaged in its rule store: the store itself (its
 * published branch, an object that is not a framework's file), or one framework's files.
 * A framework found damaged answers 503 until the store is restored and the instance
 * restarted (what it served may no longer be what was published); the others serve on.
 * Readiness is down while anything is damaged. Nothing is ever cleared here: the start-up
 * check decides afresh whether a restored store can be served.
 */
@Component
public class StoreDamage {

    private static final Logger log = LoggerFactory.getLogger(StoreDamage.class);

    private String store;

    private final Map<String, String> frameworks = new TreeMap<>();

    /** Records damage found, logging it the first time it is found. */
    synchronized void found(StoreCheck.Damage damage) {
        if (damage.framework() == null ? store == null : !frameworks.containsKey(damage.framework())) {
            log.error("The rule store is damaged: {}; {}. {}", damage.what(),
                    damage.framework() == null ? "still serving what was built before it"
                            : damage.framework() + " is not served until the store is restored, the others serve on",
                    StoreCheck.RESTORE);
        }
        if (damage.framework() == null) {
            store = store == null ? damage.what() : store;
        }
        else {
            frameworks.putIfAbsent(damage.framework(), damage.what());
        }
    }

    /** The damage to one framework's files, if any was found. */
    public synchronized Optional<String> framework(String framework) {
        return Optional.ofNullable(frameworks.get(framework));
    }

    /** Everything found damaged, in one sentence; empty while nothing is. */
    public synchronized Optional<String> summary() {
        StringBuilder all = new StringBuilder(store == null ? "" : store);
        frameworks.forEach((framework, what) -> all.append(all.isEmpty() ? "" : "; ").append(what));
        return all.isEmpty() ? Optional.empty() : Optional.of(all.toString());
    }

}
