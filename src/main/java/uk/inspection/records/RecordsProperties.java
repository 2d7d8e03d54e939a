package uk.inspection.records;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Decision records: on unless {@code records.enabled=false}; the journal under
 * {@code records.journal} (default {@code rules.data/journal}); records older than
 * {@code records.retention} (default 2 years) purged daily. The database is
 * {@code spring.datasource.*}: PostgreSQL in production, H2 in a file under
 * {@code rules.data} by default.
 */
@ConfigurationProperties("records")
public record RecordsProperties(Boolean enabled, String journal, Duration retention, Integer batch) {

    public RecordsProperties {
        enabled = enabled == null || enabled;
        retention = retention == null ? Duration.ofDays(730) : retention;
        batch = batch == null ? 500 : batch;
    }

    Path journalFolder(String data) {
        return (journal == null || journal.isBlank() ? Path.of(data).resolve("journal") : Path.of(journal))
            .toAbsolutePath()
            .normalize();
    }
}
