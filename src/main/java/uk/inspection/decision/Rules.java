package uk.inspection.decision;

import java.util.List;

import uk.inspection.engine.Evaluation;
import uk.inspection.facts.Rejection;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.RuleSet;

/**
 * A rule set as a kind decides with it: an evaluation whose rules ran away is thrown as
 * the runaway failure, and one whose rules rejected facts as those fields' problems.
 */
public final class Rules {

    private final RuleSet ruleSet;

    private final RequestLimits limits;

    Rules(RuleSet ruleSet, RequestLimits limits) {
        this.ruleSet = ruleSet;
        this.limits = limits;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** The evaluation of the facts; the rules running away are thrown. */
    public Evaluation.Completed completed(List<Object> facts) {
        Evaluation evaluation = ruleSet.evaluate(facts);
        if (evaluation instanceof Evaluation.Failed failed) {
            throw Failure.runaway(failed.message(), failed.culprit()).exception();
        }
        return (Evaluation.Completed) evaluation;
    }

    /**
     * The evaluation of the facts; the rules running away or rejecting facts are thrown.
     */
    public Evaluation.Completed accepted(List<Object> facts) {
        return accepted(facts, "");
    }

    /**
     * The evaluation of the facts; the rules running away, or rejecting facts (each field
     * named after {@code prefix}, as {@code services[2].}), are thrown.
     */
    public Evaluation.Completed accepted(List<Object> facts, String prefix) {
        Evaluation.Completed evaluation = completed(facts);
        List<FieldProblem> rejected = evaluation.outputs(Rejection.class)
            .stream()
            .map(r -> new FieldProblem(prefix + r.field(), r.message()))
            .toList();
        if (!rejected.isEmpty()) {
            throw invalidFacts(rejected).exception();
        }
        return evaluation;
    }

    /** The refusal of these fields, within the request's limits on how many are named. */
    public Failure invalidFacts(List<FieldProblem> problems) {
        return limits.invalidFacts(problems);
    }

}
