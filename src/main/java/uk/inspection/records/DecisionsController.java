package uk.inspection.records;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.Page;

/**
 * The recorded decisions: listed by filter, read one by one, exported as JSON Lines
 * (replayed by regression's {@code ReplayController}). The methodology roles read every
 * record; a client service (its API key) reads only its own ({@link VisibleDecisions}).
 */
@RestController
class DecisionsController {

    private final DecisionStore store;

    private final VisibleDecisions decisions;

    private final ObjectMapper json;

    private static final Instant EARLIEST = Instant.EPOCH;

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    DecisionsController(DecisionStore store, VisibleDecisions decisions, ObjectMapper json) {
        this.store = store;
        this.decisions = decisions;
        this.json = json;
    }

    @Operation(summary = "Recorded decisions, newest first, by framework, service, outcome and time (from included, to"
            + " excluded); paged (methodology roles: all; an API key: its own)")
    @GetMapping("/api/v1/decisions")
    List<DecisionRecord> list(@RequestParam(required = false) String framework,
            @RequestParam(required = false) String service, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            HttpServletRequest http, Authentication user) {
        Page asked = Page.of(page, size, 1_000);
        DecisionFilter filter = decisions.visible(
                new DecisionFilter(framework, service, outcome, null, within("from", from), within("to", to)), http,
                user);
        return decisions.reading(() -> store.list(filter, asked.page(), asked.size()));
    }

    @Operation(summary = "The recorded decisions as JSON Lines, oldest first, streamed (same filters and roles)")
    @GetMapping(path = "/api/v1/decisions/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String framework,
            @RequestParam(required = false) String service, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            HttpServletRequest http, Authentication user) {
        DecisionFilter filter = decisions.visible(
                new DecisionFilter(framework, service, outcome, null, within("from", from), within("to", to)), http,
                user);
        decisions.reading(store::reachable); // a database that is down answers 503 now,
                                             // not a
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
        return decisions.find(decision, http, user);
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

}
