package uk.inspection.decision;

import java.util.List;
import java.util.Optional;

import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FailureException;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.RuleSet;

/**
 * The one way a request of any kind is decided with a rule set: its limits, then its
 * fields against the manifest, then the kind's evaluation (the rules running away, then
 * their rejections, each a refusal) and assembly. The API, the in-process API, replays,
 * shadows, comparisons and the coverage checks all decide through it; recording is the
 * API's step after it.
 */
public final class DecisionPipeline {

    private DecisionPipeline() {
    }

    /**
     * The decision; or every field the manifest or the rules cannot accept; or the rules
     * running away; or the rule set's defect.
     */
    public static <Q, R extends DecisionResponse> Decision<R> decide(DecisionKind<Q, R> kind, RuleSet ruleSet,
            Q request, RequestLimits limits) {
        Optional<Failure> tooMany = kind.tooMany(request, limits);
        if (tooMany.isPresent()) {
            return Decision.refused(tooMany.get());
        }
        List<FieldProblem> problems = kind.validate(request, ruleSet);
        if (!problems.isEmpty()) {
            return Decision.refused(limits.invalidFacts(problems));
        }
        try {
            return Decision.decided(kind.decide(request, new Rules(ruleSet, limits)));
        }
        catch (FailureException failure) {
            return Decision.refused(failure.failure());
        }
    }

}
