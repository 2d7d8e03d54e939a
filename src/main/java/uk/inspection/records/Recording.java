package uk.inspection.records;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.decision.DecisionKind;
import uk.inspection.decision.DecisionResponse;
import uk.inspection.operations.DecisionMetrics;
import uk.inspection.ruleset.RuleSetRegistry;

/**
 * What the API does with every decision it answers: records it (with the store commit of
 * the version that decided it, the client and the latency) and hands it to whoever
 * watches live decisions, such as a shadow rule set. Neither waits for a database or
 * another rule set.
 */
@Component
public class Recording {

    /**
     * Sees each live decision of a framework it watches after it is recorded, its request
     * and response as the JSON recorded; must not block (hand the work to its own
     * threads).
     */
    public interface Observer {

        boolean watches(String framework);

        void decided(DecisionKind<?, ?> kind, String framework, String decisionId, String request, String response);

    }

    private final DecisionRecorder recorder;

    private final RuleSetRegistry registry;

    private final DecisionMetrics metrics;

    private final ObjectMapper json;

    private final List<Observer> observers = new ArrayList<>();

    Recording(DecisionRecorder recorder, RuleSetRegistry registry, DecisionMetrics metrics, ObjectMapper json) {
        this.recorder = recorder;
        this.registry = registry;
        this.metrics = metrics;
        this.json = json;
    }

    public void observe(Observer observer) {
        observers.add(observer);
    }

    /**
     * Records a decision made since {@code startedNanos}, and answers it with the id it
     * is recorded under (none when recording is off) and the link to its record.
     */
    public <Q, R extends DecisionResponse<R>> ResponseEntity<R> answer(DecisionKind<Q, R> kind, Q request, R response,
            long startedNanos, HttpServletRequest http) {
        String id = record(kind, response.ruleset(), response.rulesetVersion(), kind.service(request),
                kind.outcome(response), startedNanos, http, request, response);
        return Recorded.answer(response.withDecisionId(id), id);
    }

    private String record(DecisionKind<?, ?> kind, String framework, String rulesetVersion, String service,
            String outcome, long startedNanos, HttpServletRequest http, Object request, Object response) {
        long nanos = System.nanoTime() - startedNanos;
        List<Observer> watching = new ArrayList<>();
        for (Observer observer : observers) {
            if (observer.watches(framework)) {
                watching.add(observer);
            }
        }
        // Written as JSON once, for the record and the observers alike; not at all when
        // neither wants it.
        String requestJson = recorder.isOn() || !watching.isEmpty() ? write(request) : null;
        String responseJson = requestJson != null ? write(response) : null;
        String id = recorder.record(new DecisionRecorder.Decided(kind.recordKind(), framework, rulesetVersion,
                registry.commitOf(framework, rulesetVersion), service, outcome == null ? "NONE" : outcome,
                nanos / 1_000, Clients.of(http), requestJson, responseJson));
        metrics.decided(kind.recordKind(), framework, rulesetVersion, outcome == null ? "NONE" : outcome, nanos);
        watching.forEach(observer -> observer.decided(kind, framework, id, requestJson, responseJson));
        return id;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision that cannot be written as JSON: " + e.getMessage(), e);
        }
    }

}
