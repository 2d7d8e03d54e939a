package uk.inspection.ruleset;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import uk.inspection.engine.EvaluationLimits;

/**
 * Where the rule sets live. {@code rules.home} holds {@code rules/},
 * {@code decision-tables/} and {@code fixtures/}: in the {@code store} mode (the default)
 * it seeds a new rule store and the store is served; in the {@code development} mode it
 * is served from disk and, with {@code rules.watch} (on by default), a saved change is
 * rebuilt once the files have been quiet for {@code rules.debounce}. A home without a
 * {@code rules/} folder stops startup with a message saying so. Each evaluation has
 * {@code rules.evaluation-deadline} (500 ms), {@code rules.max-firings} (10,000),
 * {@code rules.max-value-length} (20,000) and {@code rules.max-evaluation-memory} (64
 * MB); a build with its checks has {@code rules.build-timeout} (60 s).
 * {@code rules.watch-mode} and {@code rules.poll-interval} (2 s) choose how saved files
 * are noticed.
 */
@ConfigurationProperties("rules")
public record RulesProperties(String home, Mode mode, Boolean watch, Duration debounce, Duration evaluationDeadline,
        Integer maxFirings, Duration buildTimeout, WatchMode watchMode, Duration pollInterval, Integer maxValueLength,
        DataSize maxEvaluationMemory) {

    /**
     * How the development mode notices saved files ({@code rules.watch-mode}): file
     * events where the file system delivers them and polling every
     * {@code rules.poll-interval} where it may not (network shares), or either one
     * forced.
     */
    public enum WatchMode {

        AUTO, EVENTS, POLLING

    }

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
        maxValueLength = maxValueLength == null ? EvaluationLimits.DEFAULTS.maxValueLength() : maxValueLength;
        maxEvaluationMemory = maxEvaluationMemory == null
                ? DataSize.ofBytes(EvaluationLimits.DEFAULTS.maxAllocatedBytes()) : maxEvaluationMemory;
        buildTimeout = buildTimeout == null ? Duration.ofSeconds(60) : buildTimeout;
        watchMode = watchMode == null ? WatchMode.AUTO : watchMode;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("rules.poll-interval must be positive, was " + pollInterval);
        }
        if (!Files.isDirectory(Path.of(home).resolve(RuleSetFiles.RULES))) {
            throw new IllegalArgumentException("rules.home " + Path.of(home).toAbsolutePath().normalize() + " has no '"
                    + RuleSetFiles.RULES + "' folder: run from the project folder or set --rules.home=DIR");
        }
    }

    /**
     * What one evaluation may take ({@code rules.evaluation-deadline},
     * {@code rules.max-firings}, {@code rules.max-value-length},
     * {@code rules.max-evaluation-memory}).
     */
    public EvaluationLimits evaluationLimits() {
        return new EvaluationLimits(evaluationDeadline, maxFirings, maxValueLength, maxEvaluationMemory.toBytes());
    }

    public Path homePath() {
        return Path.of(home).toAbsolutePath().normalize();
    }
}
