package uk.inspection.ruleset;

import java.util.List;

/** What an evaluation produced: the rules' outputs in the order they were inserted, and their trace. */
public record Evaluation(List<RuleOutput> outputs, List<TraceEntry> trace) {

    public Evaluation {
        outputs = List.copyOf(outputs);
        trace = List.copyOf(trace);
    }

    public <T extends RuleOutput> List<T> outputs(Class<T> type) {
        return outputs.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
