package uk.inspection.decision;

import org.springframework.stereotype.Service;

import uk.inspection.problem.Decision;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.RuleSetRegistry;

/**
 * Decides a request of any kind with the rule set being served, or a kept version a
 * request pins, within the service's limits; rules that run away are decided again before
 * the version is withdrawn ({@link RuleSetRegistry#decide}).
 */
@Service
public class DecisionService {

    private final RuleSetRegistry registry;

    private final RequestLimits limits;

    public DecisionService(RuleSetRegistry registry, RequestLimits limits) {
        this.registry = registry;
        this.limits = limits;
    }

    public <Q, R extends DecisionResponse> Decision<R> decide(DecisionKind<Q, R> kind, String ruleSet,
            String pinnedVersion, Q request) {
        return registry.lookup(ruleSet, kind.ruleSetKind(), pinnedVersion)
            .then(found -> registry.decide(found, () -> DecisionPipeline.decide(kind, found, request, limits)));
    }

}
