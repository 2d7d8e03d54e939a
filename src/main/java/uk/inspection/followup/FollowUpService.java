package uk.inspection.followup;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import uk.inspection.problem.Decision;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSetRegistry;

/**
 * Decides follow-ups with the follow-up rule set being served
 * ({@code probation.follow-up.ruleset}), or a kept version a request pins.
 */
@Service
public class FollowUpService {

    private final RuleSetRegistry registry;

    private final String ruleSetId;

    private final RequestLimits limits;

    public FollowUpService(RuleSetRegistry registry, RequestLimits limits,
            @Value("${probation.follow-up.ruleset:probation-follow-up}") String ruleSetId) {
        this.registry = registry;
        this.limits = limits;
        this.ruleSetId = ruleSetId;
    }

    public Decision<FollowUpResponse> decide(String pinnedVersion, FollowUpRequest request) {
        return registry.lookup(ruleSetId, Manifest.Kind.FOLLOW_UP, pinnedVersion)
            .then(ruleSet -> registry.decide(ruleSet, () -> FollowUps.decide(ruleSet, request, limits)));
    }

}
