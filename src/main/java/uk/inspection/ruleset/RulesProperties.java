package uk.inspection.ruleset;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rule sets live. {@code rules.home} holds {@code rules/},
 * {@code decision-tables/} and {@code fixtures/}: in the {@code store} mode (the default)
 * it seeds a new rule store and the store is served; in the {@code development} mode it
 * is served from disk and, with {@code rules.watch} (on by default), a saved change is
 * rebuilt once the files have been quiet for {@code rules.debounce}. A home without a
 * {@code rules/} folder stops startup with a message saying so.
 */
@ConfigurationProperties("rules")
public record RulesProperties(String home, Mode mode, Boolean watch, Duration debounce) {

    /**
     * Serve the rule store's published commit, or (for local development) the folder as
     * it is on disk.
     */
    public enum Mode {

        STORE, DEVELOPMENT

    }

    // A String, not a Path: Spring would resolve a relative Path against the servlet
    // context, not the working directory.
    public RulesProperties {
        home = (home == null || home.isBlank() ? "." : home);
        mode = mode == null ? Mode.STORE : mode;
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
