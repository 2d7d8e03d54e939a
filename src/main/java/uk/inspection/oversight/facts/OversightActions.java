package uk.inspection.oversight.facts;

import java.util.Arrays;
import java.util.List;

import uk.inspection.engine.RuleOutput;

/** Actions the placement calls for; a table cell lists them separated by commas. */
public record OversightActions(List<String> codes) implements RuleOutput {

    public OversightActions {
        codes = List.copyOf(codes);
    }

    public static OversightActions of(String commaSeparated) {
        return new OversightActions(
                Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList());
    }

    @Override
    public String subject() {
        return "actions";
    }
}
