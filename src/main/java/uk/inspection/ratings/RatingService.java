package uk.inspection.ratings;

import java.util.Map;

import org.springframework.stereotype.Service;

import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.web.UnknownFrameworkException;

/** Rates an inspection with the rule set a framework is serving now. */
@Service
public class RatingService {

    private final RuleSetRegistry registry;

    public RatingService(RuleSetRegistry registry) {
        this.registry = registry;
    }

    /** Rated with the version being served, or with a kept earlier version when {@code pinnedVersion} names one. */
    public RatingResponse rate(String framework, String pinnedVersion, RatingRequest request) {
        RuleSet ruleSet = registry.require(framework, pinnedVersion);
        if (!ruleSet.manifest().isRatings()) {
            throw UnknownFrameworkException.notA("ratings", framework, registry.frameworks().entrySet().stream()
                    .filter(e -> e.getValue().map(r -> r.manifest().isRatings()).orElse(true))
                    .map(Map.Entry::getKey).toList());
        }
        return Ratings.decide(ruleSet, request);
    }
}
