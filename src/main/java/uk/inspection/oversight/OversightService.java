package uk.inspection.oversight;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import uk.inspection.problem.Decision;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSetRegistry;

/**
 * Assesses quarters with the oversight rule set being served ({@code oversight.ruleset}),
 * or a kept version a request pins.
 */
@Service
public class OversightService {

    private final RuleSetRegistry registry;

    private final String ruleSetId;

    private final RequestLimits limits;

    public OversightService(RuleSetRegistry registry, RequestLimits limits,
            @Value("${oversight.ruleset:yjb-oversight}") String ruleSetId) {
        this.registry = registry;
        this.limits = limits;
        this.ruleSetId = ruleSetId;
    }

    public Decision<OversightResponse> assess(String pinnedVersion, OversightRequest request) {
        return registry.lookup(ruleSetId, Manifest.Kind.OVERSIGHT, pinnedVersion)
            .then(ruleSet -> registry.decide(ruleSet, () -> Oversight.assess(ruleSet, request, limits)));
    }

    public Decision<QuarterResponse> quarter(String pinnedVersion, QuarterRequest request) {
        return registry.lookup(ruleSetId, Manifest.Kind.OVERSIGHT, pinnedVersion)
            .then(ruleSet -> registry.decide(ruleSet, () -> Oversight.quarter(ruleSet, request, limits)));
    }

}
