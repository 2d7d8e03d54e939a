package uk.inspection.ruleset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * One framework's compiled rules, built once and shared by every request. Evaluation opens a
 * fresh session per call and disposes of it, so concurrent requests never share state.
 */
public final class RuleSet {

    /** A rule set that fires more rules than this on one request has a rule that loops. */
    private static final int MAX_FIRINGS = 10_000;

    private final String id;
    private final Manifest manifest;
    private final String version;
    private final Instant loadedAt;
    private final Map<String, String> sources;
    private final KieBase kieBase;
    private final Map<String, RuleOrigin> origins;
    private final List<TranslationTable> translations;

    RuleSet(String id, Manifest manifest, String version, Instant loadedAt, Map<String, String> sources, KieBase kieBase,
            Map<String, RuleOrigin> origins, List<TranslationTable> translations) {
        this.id = id;
        this.manifest = manifest;
        this.version = version;
        this.loadedAt = loadedAt;
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.kieBase = kieBase;
        this.origins = Map.copyOf(origins);
        this.translations = List.copyOf(translations);
    }

    public String id() {
        return id;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The content hash of the files this rule set was built from. */
    public String version() {
        return version;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** The files it was built from, relative to the rules home. */
    public List<String> sources() {
        return List.copyOf(sources.keySet());
    }

    /** The files that differ from an earlier build of the same framework: added, changed or removed. */
    public List<String> filesChangedSince(RuleSet earlier) {
        TreeSet<String> changed = new TreeSet<>();
        sources.forEach((path, hash) -> {
            if (!hash.equals(earlier.sources.get(path))) {
                changed.add(path);
            }
        });
        earlier.sources.keySet().stream().filter(path -> !sources.containsKey(path)).forEach(changed::add);
        return List.copyOf(changed);
    }

    /** The table that re-expresses another framework's per-case answers in this one's, if the rule set has one. */
    public Optional<TranslationTable> translationFrom(String framework) {
        return translations.stream().filter(t -> t.fromFramework().equals(framework)).findFirst();
    }

    /** Runs the rules over the facts; returns what the rules inserted, each with the rule that inserted it. */
    public Evaluation evaluate(Collection<?> facts) {
        List<RuleOutput> outputs = new ArrayList<>();
        List<TraceEntry> trace = new ArrayList<>();
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null && event.getObject() instanceof RuleOutput output) {
                        outputs.add(output);
                        trace.add(traceOf(output, event.getRule().getPackageName(), event.getRule().getName()));
                    }
                }
            });
            facts.forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new RuleSetDefectException(id + " fired " + fired + " rules on one request: a rule loops");
            }
        } catch (RuntimeException e) {
            if (e instanceof RuleSetDefectException) {
                throw e;
            }
            throw new RuleSetDefectException("a rule of " + id + " failed: " + e.getMessage(), e);
        } finally {
            session.dispose();
        }
        return new Evaluation(outputs, trace);
    }

    private TraceEntry traceOf(RuleOutput output, String pkg, String rule) {
        RuleOrigin origin = origins.getOrDefault(DrlIndex.key(pkg, rule), new RuleOrigin(null, null));
        return new TraceEntry(output.subject(), rule, origin.source(), origin.detail());
    }
}
