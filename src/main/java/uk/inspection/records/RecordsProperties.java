package uk.inspection.records;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import uk.inspection.ruleset.DataFolder;

/**
 * Decision records: on unless {@code records.enabled=false}; the journal under
 * {@code records.journal} (default {@code rules.data/journal}); records older than
 * {@code records.retention} (default 2 years) purged daily. The importer reads up to
 * {@code records.batch} lines and {@code records.batch-bytes} of them at a time (at least
 * one line), waiting {@code records.import-interval} after a batch while less than a
 * batch is left, and stores a record over {@code records.max-record-size} with its
 * largest parts cut. The journal's backlog is reported past
 * {@code records.backlog-warning} and refused (503) past {@code records.backlog-limit}.
 * The database is {@code spring.datasource.*}: PostgreSQL in production, H2 in a file
 * under {@code rules.data} by default.
 */
@ConfigurationProperties("records")
public record RecordsProperties(Boolean enabled, String journal, Duration retention, Integer batch, DataSize batchBytes,
        DataSize maxRecordSize, DataSize backlogWarning, DataSize backlogLimit, Duration importInterval) {

    public RecordsProperties {
        enabled = enabled == null || enabled;
        retention = retention == null ? Duration.ofDays(730) : retention;
        batch = batch == null ? 500 : batch;
        batchBytes = batchBytes == null ? DataSize.ofMegabytes(8) : batchBytes;
        maxRecordSize = maxRecordSize == null ? DataSize.ofMegabytes(16) : maxRecordSize;
        backlogWarning = backlogWarning == null ? DataSize.ofGigabytes(1) : backlogWarning;
        backlogLimit = backlogLimit == null ? DataSize.ofGigabytes(4) : backlogLimit;
        importInterval = importInterval == null ? Duration.ofMillis(200) : importInterval;
        if (backlogLimit.compareTo(backlogWarning) < 0) {
            throw new IllegalArgumentException(
                    "records.backlog-limit (" + backlogLimit + ") is below records.backlog-warning (" + backlogWarning
                            + "): the warning would never come first");
        }
    }

    Path journalFolder(DataFolder data) {
        return journal == null || journal.isBlank() ? data.resolve("journal")
                : Path.of(journal).toAbsolutePath().normalize();
    }
}
