package uk.inspection.records;

import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;

/**
 * Records a decision on the request path: the record is written to the local journal (no
 * database wait) before the answer goes out, and its id is returned for the answer to
 * carry. The importer takes it to the database. With recording off, nothing is written
 * and there is no id.
 */
public final class DecisionRecorder {

    private static final Logger log = LoggerFactory.getLogger(DecisionRecorder.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DecisionJournal journal;

    private final JournalBacklog backlog;

    private final ObjectMapper json;

    private final Clock clock;

    DecisionRecorder(DecisionJournal journal, JournalBacklog backlog, ObjectMapper json, Clock clock) {
        this.journal = journal;
        this.backlog = backlog;
        this.json = json;
        this.clock = clock;
    }

    /** A recorder that records nothing, for a deployment with recording off. */
    public static DecisionRecorder off() {
        return new DecisionRecorder(null, null, null, null);
    }

    public boolean isOn() {
        return journal != null;
    }

    /**
     * What one decision was: all but its id and time, which the recorder gives it; the
     * request and response as JSON (the response the very bytes answered, without the
     * id).
     */
    public record Decided(String kind, String framework, String rulesetVersion, String storeCommit, String service,
            String outcome, long latencyMicros, String client, byte[] request, byte[] response) {
    }

    /** Journals the decision; its id, or null when recording is off. */
    public String record(Decided decided) {
        if (journal == null) {
            return null;
        }
        backlog.admit();
        Instant now = clock.instant();
        String id = "dec-" + Long.toString(now.toEpochMilli(), 36) + "-"
                + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        try {
            DecisionRecord fields = new DecisionRecord(id, now, decided.kind(), decided.framework(),
                    decided.rulesetVersion(), decided.storeCommit(), decided.service(), decided.outcome(),
                    decided.latencyMicros(), decided.client(), null, null);
            journal.append(RecordLine.write(json, fields, decided.request(), decided.response()));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision record that cannot be written as JSON: " + e.getMessage(), e);
        }
        catch (UncheckedIOException e) {
            // The journal cannot be written (a full disk): no answer leaves unrecorded.
            log.error("Decision not recorded, so not answered: {}", e.getMessage());
            throw new Failure(ProblemType.RECORDS_UNAVAILABLE, "the decision cannot be recorded now; try again shortly",
                    null)
                .exception();
        }
        return id;
    }

}
