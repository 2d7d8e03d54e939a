package uk.inspection.ruleset;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The development mode's source: the rules home folder as it is on disk, edited in place
 * and watched.
 */
@Component
@ConditionalOnProperty(name = "rules.mode", havingValue = "development")
class FolderRules implements RulesSource {

    private final FolderSnapshot folder;

    FolderRules(RulesProperties properties) {
        this.folder = new FolderSnapshot(properties.homePath());
    }

    @Override
    public RulesSnapshot current() {
        return folder;
    }

}
