package uk.inspection.engine;

import java.util.Map;

/**
 * Where a DRL rule matches a fact type: the file and line of the rule, its name, the fact
 * type, and the fields it compares with a string literal
 * ({@code RuleParameter(name == "closeness margin")}). Rules and tables joined by such a
 * string must agree on it, which a check can see from these.
 */
public record PatternUse(String file, int line, String rule, String factType, Map<String, String> literals) {

    public PatternUse {
        literals = Map.copyOf(literals);
    }
}
