package uk.inspection.ratings;

import org.springframework.stereotype.Service;

import uk.inspection.ruleset.RuleSetRegistry;

/** Rates an inspection with the rule set a framework is serving now. */
@Service
public class RatingService {

    private final RuleSetRegistry registry;

    public RatingService(RuleSetRegistry registry) {
        this.registry = registry;
    }

    /** Rated with the version being served, or with a kept earlier version when {@code pinnedVersion} names one. */
    public RatingResponse rate(String framework, String pinnedVersion, RatingRequest request) {
        return Ratings.decide(registry.require(framework, pinnedVersion), request);
    }
}
