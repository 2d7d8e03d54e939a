package uk.inspection.store;

import java.io.IOException;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.inspection.ruleset.DataFolder;
import uk.inspection.ruleset.RulesProperties;

/**
 * The store mode (the default): the rule store is opened, created and seeded when new,
 * and served.
 */
@Configuration
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    GitRuleStore ruleStore(StoreProperties store, DataFolder data, RulesProperties rules) throws IOException {
        return GitRuleStore.open(store, data, rules.homePath());
    }

    @Bean
    StoreRules storeRules(GitRuleStore store, StoreDamage damage, Clock clock) {
        return new StoreRules(store, damage, clock);
    }

}
