package uk.inspection.decision;

import org.springframework.stereotype.Service;

import uk.inspection.problem.Decision;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.ruleset.VersionWanted;

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
        return decide(kind, ruleSet, VersionWanted.pinned(pinnedVersion), request);
    }

    /**
     * Decides with the version the request asks for: pinned, in force at an instant, or
     * in force now.
     */
    public <Q, R extends DecisionResponse> Decision<R> decide(DecisionKind<Q, R> kind, String ruleSet,
            VersionWanted wanted, Q request) {
        return registry.lookup(ruleSet, kind.ruleSetKind(), wanted)
            .then(found -> registry.decide(found, () -> DecisionPipeline.decide(kind, found, request, limits)));
    }

}
