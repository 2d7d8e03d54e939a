package uk.inspection.ratings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.inspection.decision.DecisionKind;
import uk.inspection.decision.Rules;
import uk.inspection.engine.LoadProblem;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;

/**
 * Rates an inspection with a framework's rule set: checks the request against its
 * manifest ({@link RatingRequestValidator}), builds the facts ({@link RatingFacts}), runs
 * the rules, and reads the decision ({@link RatingResponseAssembler}).
 */
public final class RatingKind implements DecisionKind<RatingRequest, RatingResponse> {

    public static final String PATH = "/api/v1/frameworks/{framework}/ratings";

    private static final Names<RatingRequest> NAMES = new Names<>("RATING", null, Manifest.Kind.RATINGS, PATH,
            new Feature("Ratings", "Inspection ratings by a framework's rules."), RatingRequest.class);

    @Override
    public Names<RatingRequest> names() {
        return NAMES;
    }

    @Override
    public Optional<Failure> tooMany(RatingRequest request, RequestLimits limits) {
        return limits.tooManyCases(request.cases().size()).or(() -> limits.tooManyEntries(sizes(request)));
    }

    private static Map<String, Integer> sizes(RatingRequest request) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("keyQuestions", request.keyQuestions().size());
        sizes.put("judgements", request.judgements().size());
        sizes.put("ratings", request.ratings().size());
        sizes.put("panel", request.panel().size());
        sizes.put("organisationalAlerts", request.organisationalAlerts().size());
        for (int i = 0; i < request.cases().size(); i++) {
            if (request.cases().get(i) != null) {
                sizes.put("cases[" + i + "].answers", request.cases().get(i).answers().size());
            }
        }
        return sizes;
    }

    @Override
    public List<FieldProblem> validate(RatingRequest request, RuleSet ruleSet) {
        return RatingRequestValidator.validate(request, ruleSet.manifest());
    }

    @Override
    public RatingResponse decide(RatingRequest request, Rules rules) {
        RuleSet ruleSet = rules.ruleSet();
        return RatingResponseAssembler.assemble(ruleSet, request,
                rules.accepted(RatingFacts.of(ruleSet.id(), request, ruleSet.manifest())));
    }

    /**
     * The same kind, each answer with its key questions' margins
     * ({@code ?explain=margins}, {@link BandMargins}). A kind of its own, chosen per
     * request, so that an ordinary rating runs no step of it.
     */
    public DecisionKind<RatingRequest, RatingResponse> withMargins() {
        return new WithMargins(this);
    }

    private record WithMargins(RatingKind rating) implements DecisionKind<RatingRequest, RatingResponse> {

        @Override
        public Names<RatingRequest> names() {
            return rating.names();
        }

        @Override
        public Optional<Failure> tooMany(RatingRequest request, RequestLimits limits) {
            return rating.tooMany(request, limits)
                .or(() -> limits.tooManyMarginEvaluations(BandMargins.mostEvaluations(request)));
        }

        @Override
        public List<FieldProblem> validate(RatingRequest request, RuleSet ruleSet) {
            return rating.validate(request, ruleSet);
        }

        @Override
        public RatingResponse decide(RatingRequest request, Rules rules) {
            RuleSet ruleSet = rules.ruleSet();
            List<Object> facts = RatingFacts.of(ruleSet.id(), request, ruleSet.manifest());
            RatingResponse rated = RatingResponseAssembler.assemble(ruleSet, request, rules.accepted(facts));
            return rated.withMargins(BandMargins.of(request, rules, facts, rated));
        }

        @Override
        public String service(RatingRequest request) {
            return rating.service(request);
        }

        @Override
        public String outcome(RatingResponse response) {
            return rating.outcome(response);
        }

    }

    @Override
    public String service(RatingRequest request) {
        return request.service();
    }

    @Override
    public String outcome(RatingResponse response) {
        return response.summary();
    }

    @Override
    public List<LoadProblem> coverage(RuleSet ruleSet) {
        return new CoverageCheck(this).check(ruleSet);
    }

}
