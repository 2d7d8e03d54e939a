package uk.inspection.records;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes decision records older than {@code records.retention}, every night at 02:30 (or
 * on {@code records.purge-cron}). Records hold service names and inspection evidence
 * (counts, shares, ratings), not personal data about children; the retention period is
 * the inspectorate's to set.
 */
@Configuration
@EnableScheduling
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final DecisionStore store;

    private final RecordsProperties properties;

    private final Clock clock;

    RetentionPurge(DecisionStore store, RecordsProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${records.purge-cron:0 30 2 * * *}")
    void purge() {
        try {
            int purged = store.purgeBefore(clock.instant().minus(properties.retention()));
            if (purged > 0) {
                log.info("Purged {} decision records older than {}", purged, properties.retention());
            }
        }
        catch (RuntimeException e) {
            log.warn("Cannot purge decision records now: {}", e.getMessage());
        }
    }

}
