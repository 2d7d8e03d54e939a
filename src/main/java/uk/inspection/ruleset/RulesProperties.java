package uk.inspection.ruleset;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

import uk.inspection.engine.EvaluationLimits;

/**
 * Where the rule sets live. {@code rules.home} holds {@code rules/},
 * {@code decision-tables/} and {@code fixtures/}: in the {@code store} mode (the default)
 * it seeds a new rule store and the store is served; in the {@code development} mode it
 * is served from disk and, with {@code rules.watch} (on by default), a saved change is
 * rebuilt once the files have been quiet for {@code rules.debounce}. A home without a
 * {@code rules/} folder stops startup with a message saying so. Each evaluation has
 * {@code rules.evaluation-deadline} (500 ms) and {@code rules.max-firings} (10,000); a
 * build with its checks has {@code rules.build-timeout} (60 s).
 */
@ConfigurationProperties("rules")
public record RulesProperties(String home, Mode mode, Boolean watch, Duration debounce, Duration evaluationDeadline,
        Integer maxFirings, Duration buildTimeout) {

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
        evaluationDeadline = evaluationDeadline == null ? EvaluationLimits.DEFAULTS.deadline() : evaluationDeadline;
        maxFirings = maxFirings == null ? EvaluationLimits.DEFAULTS.maxFirings() : maxFirings;
        buildTimeout = buildTimeout == null ? Duration.ofSeconds(60) : buildTimeout;
        if (!Files.isDirectory(Path.of(home).resolve(RuleSetFiles.RULES))) {
            throw new IllegalArgumentException("rules.home " + Path.of(home).toAbsolutePath().normalize() + " has no '"
                    + RuleSetFiles.RULES + "' folder: run from the project folder or set --rules.home=DIR");
        }
    }

    /**
     * What one evaluation may take ({@code rules.evaluation-deadline},
     * {@code rules.max-firings}).
     */
    public EvaluationLimits evaluationLimits() {
        return new EvaluationLimits(evaluationDeadline, maxFirings);
    }

    public Path homePath() {
        return Path.of(home).toAbsolutePath().normalize();
    }
}
