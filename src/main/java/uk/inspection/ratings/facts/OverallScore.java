package uk.inspection.ratings.facts;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import uk.inspection.engine.RuleOutput;

/**
 * A total of the standards' scores. {@code choices} is empty for the decided total; while
 * a standard awaits the panel there is one total per permitted choice, naming the choice.
 * A probe ({@code probeOffset} set) is a nearby total the rules rate only to see whether
 * the decided total lies close to a rating boundary; it is never reported as the overall.
 */
public record OverallScore(Map<String, String> choices, int total, Integer probeOffset) implements RuleOutput {

    public OverallScore {
        choices = Map.copyOf(choices);
    }

    public OverallScore(Map<String, String> choices, int total) {
        this(choices, total, null);
    }

    public static OverallScore probe(OverallScore decided, int offset) {
        return new OverallScore(decided.choices(), decided.total() + offset, offset);
    }

    /** The offsets −margin … +margin, without 0: the probes to take around a total. */
    public static List<Integer> offsetsWithin(int margin) {
        return IntStream.rangeClosed(-margin, margin).filter(i -> i != 0).boxed().toList();
    }

    public boolean isProbe() {
        return probeOffset != null;
    }

    @Override
    public String subject() {
        return OverallRating.subjectOf(choices, probeOffset) + ".score";
    }
}
