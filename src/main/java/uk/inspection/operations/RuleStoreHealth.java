package uk.inspection.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import uk.inspection.store.StoreDamage;

/**
 * Not ready while the rule store is found damaged (a published branch that names no
 * commit, an object lost or unreadable): the instance goes on serving what it built
 * before, but a load balancer should prefer an instance on a sound store, and an operator
 * must restore this one (docs/operations.md, "A damaged rule store"). Always up in the
 * development mode, which has no store.
 */
@Component("store")
class RuleStoreHealth implements HealthIndicator {

    private final StoreDamage damage;

    RuleStoreHealth(StoreDamage damage) {
        this.damage = damage;
    }

    @Override
    public Health health() {
        return damage.summary()
            .map(what -> Health.down().withDetail("damage", what).build())
            .orElseGet(() -> Health.up().build());
    }

}
