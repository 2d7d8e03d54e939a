package uk.inspection.ratings;

import java.util.List;

import org.springframework.stereotype.Service;

import uk.inspection.ratings.facts.Rejection;
import uk.inspection.ruleset.Evaluation;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.web.FieldProblem;
import uk.inspection.web.InvalidFactsException;

/** Rates an inspection: checks the request against the framework, runs its rules, and reads back the decision. */
@Service
public class RatingService {

    private final RuleSetRegistry registry;

    public RatingService(RuleSetRegistry registry) {
        this.registry = registry;
    }

    public RatingResponse rate(String framework, RatingRequest request) {
        return rate(registry.require(framework), request);
    }

    public RatingResponse rate(RuleSet ruleSet, RatingRequest request) {
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
