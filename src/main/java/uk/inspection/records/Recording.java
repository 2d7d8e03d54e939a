package uk.inspection.records;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
     * is recorded under (none when recording is off) and the link to its record. The
     * answer's JSON is written once: the record keeps those bytes as its response, and
     * the answer is them with the id added.
     */
    public <Q, R extends DecisionResponse> ResponseEntity<AnswerJson<R>> answer(DecisionKind<Q, R> kind, Q request,
            R response, long startedNanos, HttpServletRequest http) {
        byte[] answered = write(response);
        String id = record(kind, response.ruleset(), response.rulesetVersion(), kind.service(request),
                kind.outcome(response), startedNanos, http, request, answered);
        return Recorded.answer(new AnswerJson<>(id == null ? answered : withId(answered, id)), id);
    }

    private String record(DecisionKind<?, ?> kind, String framework, String rulesetVersion, String service,
            String outcome, long startedNanos, HttpServletRequest http, Object request, byte[] response) {
        long nanos = System.nanoTime() - startedNanos;
        List<Observer> watching = new ArrayList<>();
        for (Observer observer : observers) {
            if (observer.watches(framework)) {
                watching.add(observer);
            }
        }
        // Written as JSON once, for the record and the observers alike; not at all when
        // neither wants it.
        byte[] requestJson = recorder.isOn() || !watching.isEmpty() ? write(request) : null;
        String id = recorder.record(new DecisionRecorder.Decided(kind.recordKind(), framework, rulesetVersion,
                registry.commitOf(framework, rulesetVersion), service, outcome == null ? "NONE" : outcome,
                nanos / 1_000, Clients.of(http), requestJson, response));
        metrics.decided(kind.recordKind(), framework, rulesetVersion, outcome == null ? "NONE" : outcome, nanos);
        if (!watching.isEmpty()) {
            String requestText = new String(requestJson, StandardCharsets.UTF_8);
            String responseText = new String(response, StandardCharsets.UTF_8);
            watching.forEach(observer -> observer.decided(kind, framework, id, requestText, responseText));
        }
        return id;
    }

    /**
     * The response's JSON object with {@code "decisionId"} as its last field (the ids the
     * recorder makes need no escaping).
     */
    private static byte[] withId(byte[] response, String id) {
        byte[] field = ((response.length > 2 ? "," : "") + "\"decisionId\":\"" + id + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        byte[] answer = Arrays.copyOf(response, response.length - 1 + field.length);
        System.arraycopy(field, 0, answer, response.length - 1, field.length);
        return answer;
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision that cannot be written as JSON: " + e.getMessage(), e);
        }
    }

}
