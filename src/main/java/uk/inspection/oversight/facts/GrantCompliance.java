package uk.inspection.oversight.facts;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import uk.inspection.engine.RuleOutput;

/**
 * Compliance with the grant conditions: OFF_TRACK, ON_TRACK or NOT_ASSESSED, with the
 * failed and missing refs.
 */
public record GrantCompliance(String status, List<String> failed, List<String> missing) implements RuleOutput {

    public GrantCompliance {
        failed = List.copyOf(failed);
        missing = List.copyOf(missing);
    }

    /**
     * The refs of the given condition definitions, in the order of the conditions'
     * numbers.
     */
    public static List<String> refs(Collection<?> definitions) {
        return definitions.stream()
            .map(GrantConditionDefinition.class::cast)
            .sorted(Comparator.comparingInt(GrantConditionDefinition::number))
            .map(GrantConditionDefinition::ref)
            .toList();
    }

    @Override
    public String subject() {
        return "grantCompliance";
    }
}
