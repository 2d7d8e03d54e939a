package uk.inspection.ratings;

import org.springframework.stereotype.Service;

import uk.inspection.problem.Decision;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSetRegistry;

/**
 * Rates an inspection with the rule set a framework is serving now, or a kept version a
 * request pins.
 */
@Service
public class RatingService {

    private final RuleSetRegistry registry;

    private final RequestLimits limits;

    public RatingService(RuleSetRegistry registry, RequestLimits limits) {
        this.registry = registry;
        this.limits = limits;
    }

    public Decision<RatingResponse> rate(String framework, String pinnedVersion, RatingRequest request) {
        return registry.lookup(framework, Manifest.Kind.RATINGS, pinnedVersion)
            .then(ruleSet -> registry.decide(ruleSet, () -> Ratings.decide(ruleSet, request, limits)));
    }

}
