package uk.inspection.records;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.flywaydb.core.api.FlywayException;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;

/**
 * The recorded decisions a caller may read: every record for a methodology role, only its
 * own for a client service (its API key). Reads are bounded: each holds a request thread
 * while the database answers, so when it is slow or down they must not take the threads
 * that answer ratings.
 */
@Component
public class VisibleDecisions {

    private final DecisionStore store;

    /** Record reads at once; more are refused (503) rather than queued. */
    private final Semaphore readers = new Semaphore(8);

    VisibleDecisions(DecisionStore store) {
        this.store = store;
    }

    /**
     * The record, if the caller may read it; 404 as if absent when it is another
     * client's.
     */
    public DecisionRecord find(String id, HttpServletRequest http, Authentication user) {
        DecisionRecord record = reading(() -> store.find(id)).orElseThrow(
                () -> new Failure(ProblemType.NOT_FOUND, "no recorded decision '" + id + "'", null).exception());
        String client = restrictedTo(http, user);
        if (client != null && !client.equals(record.client())) {
            throw new Failure(ProblemType.NOT_FOUND, "no recorded decision '" + id + "'", null).exception();
        }
        return record;
    }

    /**
     * A read of the records database, refused at once (503) when too many are waiting on
     * it, and answered 503 when it cannot be reached.
     */
    <T> T reading(Supplier<T> read) {
        if (!readers.tryAcquire()) {
            throw new Failure(ProblemType.RECORDS_UNAVAILABLE,
                    "too many reads of the decision records at once; try again shortly", null)
                .exception();
        }
        try {
            return read.get();
        }
        catch (DataAccessException | FlywayException e) {
            throw new Failure(ProblemType.RECORDS_UNAVAILABLE,
                    "the decision records database cannot be reached now; try again shortly", null)
                .exception();
        }
        finally {
            readers.release();
        }
    }

    /** The filter narrowed to what the caller may read. */
    DecisionFilter visible(DecisionFilter filter, HttpServletRequest http, Authentication user) {
        String client = restrictedTo(http, user);
        return client == null ? filter : filter.forClient(client);
    }

    /**
     * The one client whose records the caller may read, or null for all (a methodology
     * role).
     */
    private static String restrictedTo(HttpServletRequest http, Authentication user) {
        boolean methodology = user != null
                && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().startsWith("ROLE_METHODOLOGY"));
        if (methodology) {
            return null;
        }
        String client = Clients.of(http);
        if (!client.startsWith("key:")) {
            throw new Failure(ProblemType.UNAUTHORIZED,
                    "decision records are the inspectorate's data: sign in with a methodology role, or send your API key",
                    null)
                .exception();
        }
        return client;
    }

}
