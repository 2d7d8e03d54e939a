package uk.inspection.engine;

import java.util.List;

/**
 * What an evaluation gave: the rules' outputs in the order they were inserted with their
 * trace, or a failure.
 */
public sealed interface Evaluation {

    record Completed(List<RuleOutput> outputs, List<TraceEntry> trace) implements Evaluation {
        public Completed {
            outputs = List.copyOf(outputs);
            trace = List.copyOf(trace);
        }

        public <T extends RuleOutput> List<T> outputs(Class<T> type) {
            return outputs.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /**
     * The rules misbehaved (a rule threw, or looped): the rule set needs fixing, not the
     * request.
     */
    record Failed(String message) implements Evaluation {
    }

}
