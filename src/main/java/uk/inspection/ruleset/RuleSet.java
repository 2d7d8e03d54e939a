package uk.inspection.ruleset;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import uk.inspection.engine.CompiledRules;
import uk.inspection.engine.Evaluation;

/**
 * One framework's rule set as built from its files: its manifest, its content-hash
 * version, the rule store's commit it was built from (null for a folder), the files it
 * came from (path to content hash), its translation tables and its compiled rules, shared
 * by every request; and, as a request finds it, the instant the publication it decides
 * for took effect (null where nothing is published: a folder, a draft).
 */
public record RuleSet(String id, Manifest manifest, String version, String commit, Instant loadedAt,
        Map<String, String> fileHashes, List<TranslationTable> translations, CompiledRules rules,
        Instant effectiveFrom) {

    public RuleSet {
        fileHashes = Collections.unmodifiableMap(new LinkedHashMap<>(fileHashes));
        translations = List.copyOf(translations);
    }

    public RuleSet(String id, Manifest manifest, String version, String commit, Instant loadedAt,
            Map<String, String> fileHashes, List<TranslationTable> translations, CompiledRules rules) {
        this(id, manifest, version, commit, loadedAt, fileHashes, translations, rules, null);
    }

    /**
     * The same rules, deciding for the publication that took effect at the instant (the
     * same content may be published twice, by a rollback: each has its own instant).
     */
    public RuleSet inForceFrom(Instant instant) {
        return Objects.equals(instant, effectiveFrom) ? this
                : new RuleSet(id, manifest, version, commit, loadedAt, fileHashes, translations, rules, instant);
    }

    /** The files it was built from, relative to the rules home. */
    public List<String> sources() {
        return List.copyOf(fileHashes.keySet());
    }

    /**
     * The files that differ from an earlier build of the same framework: added, changed
     * or removed.
     */
    public List<String> filesChangedSince(RuleSet earlier) {
        TreeSet<String> changed = new TreeSet<>();
        fileHashes.forEach((path, hash) -> {
            if (!hash.equals(earlier.fileHashes.get(path))) {
                changed.add(path);
            }
        });
        earlier.fileHashes.keySet().stream().filter(path -> !fileHashes.containsKey(path)).forEach(changed::add);
        return List.copyOf(changed);
    }

    /**
     * The table that re-expresses another framework's per-case answers in this one's, if
     * the rule set has one.
     */
    public Optional<TranslationTable> translationFrom(String framework) {
        return translations.stream().filter(t -> t.fromFramework().equals(framework)).findFirst();
    }

    public Evaluation evaluate(Collection<?> facts) {
        return rules.evaluate(facts);
    }
}
