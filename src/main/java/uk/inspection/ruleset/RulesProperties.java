package uk.inspection.ruleset;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rule sets live: {@code rules.home} holds {@code rules/} and
 * {@code decision-tables/}. A home without a {@code rules/} folder stops startup with a
 * message saying so. With {@code rules.watch} (on by default) a saved change is rebuilt
 * once the files have been quiet for {@code rules.debounce}.
 */
@ConfigurationProperties("rules")
public record RulesProperties(String home, Boolean watch, Duration debounce) {

    // A String, not a Path: Spring would resolve a relative Path against the servlet
    // context, not the working directory.
    public RulesProperties {
        home = (home == null || home.isBlank() ? "." : home);
        watch = watch == null || watch;
        debounce = debounce == null ? Duration.ofMillis(250) : debounce;
        if (!Files.isDirectory(Path.of(home).resolve(RuleSetFiles.RULES))) {
            throw new IllegalArgumentException("rules.home " + Path.of(home).toAbsolutePath().normalize() + " has no '"
                    + RuleSetFiles.RULES + "' folder: run from the project folder or set --rules.home=DIR");
        }
    }

    public Path homePath() {
        return Path.of(home).toAbsolutePath().normalize();
    }
}
