package uk.inspection.ratings.facts;

import java.util.Collection;
import java.util.List;

/**
 * A standard in scope for this inspection, as the framework's manifest declares it.
 * {@code required} is false for a judged standard the request may leave out, so the rules
 * can say what leaving it out means.
 */
public record StandardDefinition(String code, String name, String ratedFrom, boolean countsTowardOverall,
        boolean required) {

    /**
     * Each standard of a collected list as "code name", in the list's order: a rule that
     * collects standards names them in a sentence (the rule text allows no loop).
     */
    public static List<String> namesOf(Collection<?> standards) {
        return standards.stream()
            .map(s -> ((StandardDefinition) s).code() + " " + ((StandardDefinition) s).name())
            .toList();
    }

}
