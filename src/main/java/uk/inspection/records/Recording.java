package uk.inspection.records;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

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
     * Sees each live decision after it is recorded; must not block (hand the work to its
     * own threads).
     */
    public interface Observer {

        void decided(DecisionRecord.Kind kind, String framework, String decisionId, Object request, Object response);

    }

    private final DecisionRecorder recorder;

    private final RuleSetRegistry registry;

    private final DecisionMetrics metrics;

    private final List<Observer> observers = new ArrayList<>();

    Recording(DecisionRecorder recorder, RuleSetRegistry registry, DecisionMetrics metrics) {
        this.recorder = recorder;
        this.registry = registry;
        this.metrics = metrics;
    }

    public void observe(Observer observer) {
        observers.add(observer);
    }

    /**
     * Records a decision made since {@code startedNanos}; its id, or null when recording
     * is off.
     */
    public String record(DecisionRecord.Kind kind, String framework, String rulesetVersion, String service,
            String outcome, long startedNanos, HttpServletRequest http, Object request, Object response) {
        long nanos = System.nanoTime() - startedNanos;
        String id = recorder.record(new DecisionRecorder.Decided(kind, framework, rulesetVersion,
                registry.commitOf(framework, rulesetVersion), service, outcome == null ? "NONE" : outcome,
                nanos / 1_000, Clients.of(http), request, response));
        metrics.decided(kind.name(), framework, rulesetVersion, outcome == null ? "NONE" : outcome, nanos);
        observers.forEach(observer -> observer.decided(kind, framework, id, request, response));
        return id;
    }

}
