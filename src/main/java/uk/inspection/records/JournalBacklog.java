package uk.inspection.records;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;

/**
 * The journal's backlog against its bounds, so that a records database down for long does
 * not fill the disk unnoticed. Past {@code records.backlog-warning} it is said at once (a
 * WARN log, readiness WARNING, still ready: the decisions are safe in the journal). Past
 * {@code records.backlog-limit} a decision is refused (503) rather than answered
 * unrecorded, as when the journal cannot be written, and the instance is not ready, so
 * that a load balancer sends decisions to one that can record them.
 */
@Component("decisionBacklog")
class JournalBacklog implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "the decision journal's backlog is past its warning");

    private static final Logger log = LoggerFactory.getLogger(JournalBacklog.class);

    private final DecisionJournal journal;

    private final long warning;

    private final long limit;

    /** The status last seen by a decision, to log each change once, not each decision. */
    private volatile Status last = Status.UP;

    JournalBacklog(DecisionJournal journal, RecordsProperties records) {
        this.journal = journal;
        this.warning = records.backlogWarning().toBytes();
        this.limit = records.backlogLimit().toBytes();
    }

    /**
     * Before a decision is journalled: refused past the limit, whatever was decided.
     */
    void admit() {
        long backlog = journal.backlog();
        Status status = status(backlog);
        if (status != last) {
            last = status;
            changed(status, backlog);
        }
        if (status == Status.DOWN) {
            throw new Failure(ProblemType.RECORDS_UNAVAILABLE,
                    "the decision cannot be recorded now: the records database is behind; try again shortly", null)
                .exception();
        }
    }

    private Status status(long backlog) {
        return backlog >= limit ? Status.DOWN : backlog >= warning ? WARNING : Status.UP;
    }

    private void changed(Status status, long backlog) {
        if (status == Status.DOWN) {
            log.error("The decision journal's backlog ({} bytes) has reached records.backlog-limit ({} bytes):"
                    + " decisions are refused (503) until the records database takes them", backlog, limit);
        }
        else if (status == WARNING) {
            log.warn("The decision journal's backlog ({} bytes) is past records.backlog-warning ({} bytes): is the"
                    + " records database down? At {} bytes decisions will be refused", backlog, warning, limit);
        }
        else {
            log.info("The decision journal's backlog ({} bytes) is back under records.backlog-warning", backlog);
        }
    }

    @Override
    public Health health() {
        long backlog = journal.backlog();
        return Health.status(status(backlog))
            .withDetail("backlogBytes", backlog)
            .withDetail("warningBytes", warning)
            .withDetail("limitBytes", limit)
            .build();
    }

}
