package uk.inspection.engine;

import java.util.Collection;

/**
 * A compiled rule set, shared by every request: each evaluation is independent of every
 * other.
 */
public interface CompiledRules {

    /**
     * Runs the rules over the facts: what they inserted, with the rule behind each, or
     * why they failed.
     */
    Evaluation evaluate(Collection<?> facts);

}
