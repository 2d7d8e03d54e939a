package uk.inspection.ruleset;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rule sets live: {@code rules.home} holds {@code rules/} and {@code decision-tables/}.
 * A home without a {@code rules/} folder stops startup with a message saying so.
 */
@ConfigurationProperties("rules")
public record RulesProperties(Path home) {

    public RulesProperties {
        home = (home == null ? Path.of(".") : home).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve(RuleSetFiles.RULES))) {
            throw new IllegalArgumentException("rules.home " + home + " has no '" + RuleSetFiles.RULES
                    + "' folder: run from the project folder or set --rules.home=DIR");
        }
    }
}
