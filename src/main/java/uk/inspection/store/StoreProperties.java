package uk.inspection.store;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import uk.inspection.ruleset.DataFolder;

/**
 * The rule store: {@code rules.store} is a local repository path or a remote Git URL
 * (file, https or ssh); without it the service keeps an embedded store at
 * {@code rules.data/rules.git} ({@link DataFolder}), created on first start and seeded
 * from {@code rules.home}. A remote is mirrored under {@code rules.data} and fetched
 * every {@code rules.store-refresh} (and on {@code POST /api/v1/store/refresh}); https
 * credentials are {@code rules.store-username} and {@code rules.store-password}, ssh uses
 * the machine's keys.
 */
@ConfigurationProperties("rules")
public record StoreProperties(String store, String storeUsername, String storePassword, Duration storeRefresh) {

    public StoreProperties {
        storeRefresh = storeRefresh == null ? Duration.ofSeconds(2) : storeRefresh;
    }

    /** A remote the store mirrors, as opposed to a repository on this machine's disk. */
    public boolean isRemote() {
        return store != null && (store.contains("://") || store.matches("[\\w.-]+@[\\w.-]+:.*"));
    }

    /**
     * The repository this service opens: the configured local one, the embedded one, or
     * the mirror of a remote.
     */
    public Path repository(DataFolder data) {
        if (store == null || store.isBlank()) {
            return data.resolve("rules.git");
        }
        return isRemote() ? data.resolve("rules-mirror.git") : Path.of(store).toAbsolutePath().normalize();
    }
}
