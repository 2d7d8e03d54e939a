package uk.inspection.engine;

import java.util.Collection;
import java.util.List;

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

    /**
     * Every fact the rules insert when given no facts at all: the rows of parameter and
     * reference tables, which fire unconditionally. A check reads them; a request never
     * needs them.
     */
    List<InsertedFact> insertedWithoutFacts();

}
