package uk.inspection.ratings;

import java.util.List;

import uk.inspection.ratings.facts.Rejection;
import uk.inspection.ruleset.Evaluation;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.web.FieldProblem;
import uk.inspection.web.InvalidFactsException;

/** Rates an inspection with a rule set: checks the request against its manifest, runs the rules, reads the decision. */
public final class Ratings {

    private Ratings() {}

    /** The decision; {@link InvalidFactsException} names every field the manifest or the rules cannot accept. */
    public static RatingResponse decide(RuleSet ruleSet, RatingRequest request) {
        List<FieldProblem> problems = RatingRequestValidator.validate(request, ruleSet.manifest());
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        Evaluation evaluation = ruleSet.evaluate(FactBuilder.facts(ruleSet.id(), request, ruleSet.manifest()));
        List<FieldProblem> rejected = evaluation.outputs(Rejection.class).stream()
                .map(r -> new FieldProblem(r.field(), r.message())).toList();
        if (!rejected.isEmpty()) {
            throw new InvalidFactsException(rejected);
        }
        return ResponseAssembler.assemble(ruleSet, request, evaluation);
    }
}
