package uk.inspection.records;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.flywaydb.core.api.FlywayException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.decision.DecisionKind;
import uk.inspection.decision.DecisionKinds;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.ProblemType;
import uk.inspection.problem.RequestLimits;
import uk.inspection.regression.InProcessApi;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetRegistry;

/**
 * The recorded decisions: listed by filter, read one by one, exported as JSON Lines, and
 * replayed with the version that made them. The methodology roles read every record; a
 * client service (its API key) reads only its own.
 */
@RestController
class DecisionsController {

    private final DecisionStore store;

    private final RuleSetRegistry registry;

    private final ObjectMapper json;

    private static final Instant EARLIEST = Instant.EPOCH;

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private final InProcessApi api;

    private final DecisionKinds kinds;

    /**
     * Record reads at once: each holds a request thread while the database answers, so
     * when it is slow or down they must not take the threads that answer ratings.
     */
    private final Semaphore readers = new Semaphore(8);

    DecisionsController(DecisionStore store, RuleSetRegistry registry, ObjectMapper json, RequestLimits limits,
            DecisionKinds kinds) {
        this.store = store;
        this.registry = registry;
        this.json = json;
        this.kinds = kinds;
        this.api = new InProcessApi(kinds, limits);
    }

    /** Whether a replay gave the recorded answer, and where it differs if not. */
    record Replay(String decisionId, String rulesetVersion, boolean identical, int status, List<String> differences) {
    }

    @Operation(summary = "Recorded decisions, newest first, by framework, service, outcome and time (from included, to"
            + " excluded); paged (methodology roles: all; an API key: its own)")
    @GetMapping("/api/v1/decisions")
    List<DecisionRecord> list(@RequestParam(required = false) String framework,
            @RequestParam(required = false) String service, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            HttpServletRequest http, Authentication user) {
        DecisionFilter filter = visible(
                new DecisionFilter(framework, service, outcome, null, within("from", from), within("to", to)), http,
                user);
        return reading(() -> store.list(filter, Math.max(0, page), Math.min(Math.max(1, size), 1_000)));
    }

    @Operation(summary = "The recorded decisions as JSON Lines, oldest first, streamed (same filters and roles)")
    @GetMapping(path = "/api/v1/decisions/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String framework,
            @RequestParam(required = false) String service, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            HttpServletRequest http, Authentication user) {
        DecisionFilter filter = visible(
                new DecisionFilter(framework, service, outcome, null, within("from", from), within("to", to)), http,
                user);
        reading(store::reachable); // a database that is down answers 503 now, not a
                                   // broken stream
        StreamingResponseBody body = (OutputStream out) -> store.stream(filter, record -> {
            try {
                out.write(json.writeValueAsBytes(record));
                out.write('\n');
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    @Operation(summary = "One recorded decision: when, which version and store commit, the request as received and the"
            + " response (same roles)")
    @GetMapping("/api/v1/decisions/{decision}")
    DecisionRecord read(@PathVariable String decision, HttpServletRequest http, Authentication user) {
        return find(decision, http, user);
    }

    @Operation(
            summary = "Re-evaluate a recorded request with the recorded version (from the rule store) and say whether"
                    + " the decision is identical, with every difference if not (same roles)")
    @PostMapping("/api/v1/decisions/{decision}/replay")
    Replay replay(@PathVariable String decision, HttpServletRequest http, Authentication user) throws IOException {
        DecisionRecord record = find(decision, http, user);
        DecisionKind<?, ?> kind = kinds.recorded(record.kind());
        RuleSet ruleSet = registry.lookup(record.framework(), kind.ruleSetKind(), record.rulesetVersion())
            .orElseThrow();
        InProcessApi.Answer answer = api.answer(ruleSet, kind, json.readTree(record.request()));
        JsonNode recorded = json.readTree(record.response());
        JsonNode replayed = answer.body();
        if (replayed instanceof ObjectNode object) {
            object.remove("decisionId");
        }
        List<String> differences = answer.status() == 200 ? JsonDifferences.between(recorded, replayed)
                : List.of("status: 200 → " + answer.status() + " " + replayed.path("detail").asText());
        return new Replay(record.id(), record.rulesetVersion(), differences.isEmpty(), answer.status(), differences);
    }

    private DecisionRecord find(String id, HttpServletRequest http, Authentication user) {
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
    private <T> T reading(Supplier<T> read) {
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

    /**
     * An instant a database can hold: years 1970 to 9999 (further ones wrap round in
     * JDBC's timestamps and would filter wrongly).
     */
    private static Instant within(String field, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw Failure
                .invalidFacts(List.of(new FieldProblem(field, instant + " is outside 1970-01-01 to 9999-12-31")))
                .exception();
        }
        return instant;
    }

    private DecisionFilter visible(DecisionFilter filter, HttpServletRequest http, Authentication user) {
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
