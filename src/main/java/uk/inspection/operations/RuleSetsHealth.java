package uk.inspection.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import uk.inspection.ruleset.RuleSetRegistry;

/**
 * Ready once every framework found has built at least once, and while each serves a good
 * version: a later edit that fails to build leaves its last good version serving, so the
 * instance stays ready (the failure shows in the details and in {@code rules.loads}). A
 * framework that never built makes the instance not ready, so a load balancer sends its
 * requests to one that can answer them.
 */
@Component("ruleSets")
class RuleSetsHealth implements HealthIndicator {

    private final RuleSetRegistry registry;

    RuleSetsHealth(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Map<String, Object> frameworks = new LinkedHashMap<>();
        boolean allServed = true;
        for (var framework : registry.frameworks().entrySet()) {
            String id = framework.getKey();
            Map<String, Object> detail = new LinkedHashMap<>();
            framework.getValue().ifPresent(ruleSet -> detail.put("serving", ruleSet.version()));
            registry.lastLoad(id).ifPresent(load -> detail.put("lastLoad", load.status()));
            allServed &= framework.getValue().isPresent();
            frameworks.put(id, detail);
        }
        Health.Builder health = allServed && !frameworks.isEmpty() ? Health.up() : Health.down();
        return health.withDetail("frameworks", frameworks).build();
    }

}
