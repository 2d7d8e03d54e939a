package uk.inspection.ruleset;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

import uk.inspection.engine.EvaluationLimits;

/**
 * Where the rule sets live: {@code rules.home} holds {@code rules/} and
 * {@code decision-tables/}. A home without a {@code rules/} folder stops startup with a
 * message saying so. With {@code rules.watch} (on by default) a saved change is rebuilt
 * once the files have been quiet for {@code rules.debounce}. Each evaluation has
 * {@code rules.evaluation-deadline} (500 ms) and {@code rules.max-firings} (10,000); a
 * build with its checks has {@code rules.build-timeout} (60 s).
 */
@ConfigurationProperties("rules")
public record RulesProperties(String home, Boolean watch, Duration debounce, Duration evaluationDeadline,
        Integer maxFirings, Duration buildTimeout) {

    // A String, not a Path: Spring would resolve a relative Path against the servlet
    // context, not the working directory.
    public RulesProperties {
        home = (home == null || home.isBlank() ? "." : home);
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
