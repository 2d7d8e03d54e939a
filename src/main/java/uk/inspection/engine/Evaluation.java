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
     * The rules misbehaved (a rule threw, fired past the limit, or ran past the
     * deadline): the rule set needs fixing, not the request. {@code culprit} is the rule
     * to blame: the one that threw, or the one that fired most.
     */
    record Failed(String message, RuleLocation culprit) implements Evaluation {
    }

}
