package uk.inspection.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

import uk.inspection.ruleset.RuleSetRegistry;

/**
 * {@code /actuator/info} names the version each framework serves, the store commit it was
 * built from (in the store mode), and how the last load went.
 */
@Component
class ServedVersionsInfo implements InfoContributor {

    private final RuleSetRegistry registry;

    ServedVersionsInfo(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> frameworks = new LinkedHashMap<>();
        registry.frameworks().forEach((id, serving) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            serving.ifPresent(ruleSet -> {
                detail.put("version", ruleSet.version());
                detail.put("kind", ruleSet.manifest().kind());
                detail.put("loadedAt", ruleSet.loadedAt());
                if (ruleSet.commit() != null) {
                    detail.put("commit", ruleSet.commit());
                }
            });
            registry.lastLoad(id).ifPresent(load -> detail.put("lastLoad", load));
            frameworks.put(id, detail);
        });
        builder.withDetail("ruleSets", frameworks);
    }

}
