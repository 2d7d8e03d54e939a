package uk.inspection.ruleset;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.LoadProblem;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;

/**
 * The rule sets the service is serving, one per framework folder, with the last good
 * versions of each. A build that fails to compile or fails a {@link RuleSetCheck} is
 * reported (file, line or row, message) and never replaces the version being served; the
 * service starts even when a framework is broken. Swaps are atomic: a request keeps the
 * rule set it started with.
 * <p>
 * At start the frameworks build in parallel (one thread a core) while the rest of the
 * service is put together; {@link FirstBuildsGate} holds the web server back until every
 * one has built or failed. After that each framework builds one version at a time.
 * <p>
 * A build runs its fixtures ({@link RuleSetWarmUp}) before it is checked and served. What
 * serves changes only by a build: a version withdrawn for running away leaves its
 * framework answering 503, never an older version in its place.
 */
@Component
public class RuleSetRegistry {

    /**
     * How many good versions of each framework are kept, for pinned requests and the
     * versions listing.
     */
    public static final int KEPT_VERSIONS = 10;

    private static final Logger log = LoggerFactory.getLogger(RuleSetRegistry.class);

    /**
     * Earlier versions rebuilt on demand for pinned requests, the most recently used kept
     * built.
     */
    static final int REBUILT_VERSIONS = 20;

    private final RulesSource source;

    private final RuleSetLoader loader;

    private final List<RuleSetCheck> checks;

    private final Clock clock;

    private final RuleSetBuilds builds;

    private final Withdrawals withdrawals;

    private final RuleSetWarmUp warmUp;

    private final MeterRegistry meters;

    /** Newest first; each list is immutable and replaced whole. */
    private final ConcurrentMap<String, List<KeptVersion>> kept = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, LoadStatus> lastLoad = new ConcurrentHashMap<>();

    /** One build of a framework at a time; builds of different frameworks may overlap. */
    private final ConcurrentMap<String, Object> buildLocks = new ConcurrentHashMap<>();

    /**
     * Each framework's publications, newest first, read from the source once per reload:
     * which version is in force is decided per request without reading the store.
     */
    private final Map<String, List<PublishedVersion>> timelines = new ConcurrentHashMap<>();

    /** Every framework's first build, started by the constructor. */
    private final CompletableFuture<Void> firstBuilds;

    /**
     * The threads of the first builds, shut down once they are done or the service stops.
     */
    private ExecutorService starting;

    /** A good version, and the files that changed from the version before it. */
    public record KeptVersion(RuleSet ruleSet, List<String> changedFiles) {
    }

    /**
     * Versions no longer kept, rebuilt from the source for a pinned request; access
     * order, bounded.
     */
    private final Map<String, RuleSet> rebuilt = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > REBUILT_VERSIONS;
        }
    });

    public RuleSetRegistry(RulesSource source, RulesProperties properties, RuleSetBuilds builds,
            List<RuleSetCheck> checks, Withdrawals withdrawals, RuleSetWarmUp warmUp, Clock clock,
            MeterRegistry meters) {
        this.source = source;
        this.meters = meters;
        this.checks = List.copyOf(checks);
        this.withdrawals = withdrawals;
        this.warmUp = warmUp;
        this.clock = clock;
        this.loader = builds.loader(clock, properties.evaluationLimits());
        this.builds = builds;
        this.firstBuilds = buildInParallel(source.current().frameworks());
    }

    private CompletableFuture<Void> buildInParallel(List<String> frameworks) {
        int threads = Math.max(1, Math.min(frameworks.size(), Runtime.getRuntime().availableProcessors()));
        AtomicInteger count = new AtomicInteger();
        starting = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "rule-set-first-build-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<?>[] each = frameworks.stream().map(framework -> CompletableFuture.runAsync(() -> {
            load(framework);
            buildScheduled(framework);
        }, starting)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(each).whenComplete((done, failure) -> starting.shutdown());
    }

    /**
     * Stops the first builds still waiting to start when the service stops, a start that
     * failed included; {@link RuleSetBuilds} then waits for those under way, so nothing
     * goes on writing to the data folder after the service has stopped.
     */
    @PreDestroy
    void stopFirstBuilds() {
        starting.shutdownNow();
    }

    /**
     * Waits until every framework found at start has built or failed (each build is
     * bounded by the build timeout).
     */
    public void awaitFirstBuilds() {
        try {
            firstBuilds.join();
        }
        catch (CompletionException | CancellationException e) {
            log.error("A first build of the rule sets broke", e);
        }
    }

    /**
     * Builds every framework the source now has; a framework whose files did not change
     * is left serving.
     */
    public synchronized void reloadAll() {
        timelines.clear();
        List<String> frameworks = source.current().frameworks();
        frameworks.forEach(this::load);
        timelines.clear();
        frameworks.forEach(this::buildScheduled);
    }

    /**
     * The framework's versions scheduled to take effect later, built now: the first
     * request after the instant finds its version ready.
     */
    private void buildScheduled(String framework) {
        Instant now = clock.instant();
        for (PublishedVersion scheduled : timeline(framework)) {
            if (scheduled.wasCancelled() || !scheduled.effectiveFrom().isAfter(now)) {
                continue;
            }
            try {
                rebuild(framework, scheduled.rulesetVersion());
            }
            catch (RuntimeException e) {
                log.warn("Version {} of {}, scheduled from {}, could not be built ahead: {}",
                        scheduled.rulesetVersion(), framework, scheduled.effectiveFrom(), e.getMessage());
            }
        }
    }

    /** Whether the source has a folder for this framework (built or not). */
    public boolean knows(String framework) {
        return lastLoad.containsKey(framework) || source.current().frameworks().contains(framework);
    }

    /**
     * Builds a framework from its files, checks it, and serves it if both succeed. One
     * build of the framework at a time, on a build thread, within the build timeout.
     */
    public LoadResult load(String framework) {
        synchronized (buildLocks.computeIfAbsent(framework, id -> new Object())) {
            return loadNow(framework);
        }
    }

    private LoadResult loadNow(String framework) {
        RuleSet current = serving(framework).orElse(null);
        boolean healthy = lastLoad.containsKey(framework) && lastLoad.get(framework).isOk();
        String unless = current != null && healthy ? current.version() : null;
        LoadResult result = builds.run(framework, () -> {
            RulesSnapshot snapshot = source.current();
            LoadResult built = loader.load(snapshot, framework, unless);
            return built instanceof LoadResult.Loaded loaded ? checked(warm(loaded, snapshot)) : built;
        });
        if (result instanceof LoadResult.Loaded loaded) {
            serve(framework, loaded, current);
        }
        else if (result instanceof LoadResult.Failed failed) {
            refuse(framework, failed, current);
        }
        counted(framework, result);
        return result;
    }

    /**
     * Every build attempt by its result (built, unchanged, failed), and how long good
     * builds took: an operator alerts on failed loads.
     */
    private void counted(String framework, LoadResult result) {
        String outcome = result instanceof LoadResult.Loaded ? "built"
                : result instanceof LoadResult.Failed ? "failed" : "unchanged";
        Counter.builder("rules.loads")
            .description("Rule-set builds attempted, by framework and result")
            .tag("framework", framework)
            .tag("result", outcome)
            .register(meters)
            .increment();
        if (result instanceof LoadResult.Loaded loaded) {
            Timer.builder("rules.builds")
                .description("Time to build and check a rule set")
                .tag("framework", framework)
                .register(meters)
                .record(Duration.ofMillis(loaded.buildMillis()));
        }
    }

    /**
     * The build, its fixtures run before it is checked and served: the checks, and its
     * first request, then find the JVM warm. A warm-up that fails leaves the build as it
     * is (a cold first request is decided once more before anything is withdrawn).
     */
    private LoadResult.Loaded warm(LoadResult.Loaded loaded, RulesSnapshot snapshot) {
        try {
            warmUp.warm(loaded.ruleSet(), snapshot.fixtures(loaded.ruleSet().id()));
        }
        catch (IOException | RuntimeException e) {
            log.warn("Rule set {} {} is not warmed up: {}", loaded.ruleSet().id(), loaded.ruleSet().version(),
                    e.toString());
        }
        return loaded;
    }

    private LoadResult checked(LoadResult.Loaded loaded) {
        List<LoadProblem> problems = new ArrayList<>();
        checks.forEach(check -> problems.addAll(check.check(loaded.ruleSet())));
        return problems.isEmpty() ? loaded
                : new LoadResult.Failed(loaded.ruleSet().id(), loaded.ruleSet().version(), problems);
    }

    private void serve(String framework, LoadResult.Loaded loaded, RuleSet previous) {
        RuleSet ruleSet = loaded.ruleSet();
        List<KeptVersion> versions = new ArrayList<>();
        versions
            .add(new KeptVersion(ruleSet, previous == null ? ruleSet.sources() : ruleSet.filesChangedSince(previous)));
        kept.getOrDefault(framework, List.of())
            .stream()
            .filter(v -> !v.ruleSet().version().equals(ruleSet.version()))
            .filter(v -> withdrawals.of(framework, v.ruleSet().version()).isEmpty())
            .limit(KEPT_VERSIONS - 1L)
            .forEach(versions::add);
        kept.put(framework, List.copyOf(versions));
        lastLoad.put(framework, LoadStatus.ok(ruleSet.loadedAt()));
        log.info("Rule set {} {} built in {} ms from {} files", framework, ruleSet.version(), loaded.buildMillis(),
                ruleSet.sources().size());
    }

    private void refuse(String framework, LoadResult.Failed failed, RuleSet current) {
        LoadStatus previous = lastLoad.get(framework);
        lastLoad.put(framework, LoadStatus.failed(clock.instant(), failed.problems(),
                current == null ? null : current.version(), failed.version()));
        if (previous == null || !failed.problems().equals(previous.errors())) {
            log.error("Rule set {} did not build{}:\n  {}", framework,
                    current == null ? " and is not served" : "; still serving " + current.version(),
                    String.join("\n  ", failed.problems().stream().map(LoadProblem::toString).toList()));
        }
    }

    public Optional<RuleSet> serving(String framework) {
        List<KeptVersion> versions = kept.get(framework);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0).ruleSet());
    }

    /**
     * The rule set serving a framework of this kind, or the kept version a request
     * pinned: 404 for no such framework (or one of another kind), 503 when it never built
     * or its published version was withdrawn, 410 when the version is not kept; a version
     * rebuilt for the pin may be refused 503 (thrown) by the bounded builds.
     */
    public Decision<RuleSet> lookup(String framework, Manifest.Kind kind, String pinnedVersion) {
        return lookup(framework, kind, VersionWanted.pinned(pinnedVersion));
    }

    /**
     * The rule set a request of this kind is decided with: the version it pins, or the
     * version in force at the instant it asks for, or now; stamped with the instant its
     * publication took effect. 404 for no such framework (or one of another kind), 503
     * when it never built or the version was withdrawn, 410 for a pinned version never
     * published, 400 for headers that cannot be read, 422 when no version was in force at
     * the instant asked for; a version rebuilt for the request may be refused 503
     * (thrown) by the bounded builds.
     */
    public Decision<RuleSet> lookup(String framework, Manifest.Kind kind, VersionWanted wanted) {
        Decision<RuleSet> found = lookup(framework);
        if (!(found instanceof Decision.Decided<RuleSet> decided)) {
            return found;
        }
        RuleSet serving = decided.value();
        if (serving.manifest().kind() != kind) {
            return Decision.refused(Failure.notA(kind.label(), framework,
                    frameworks().entrySet()
                        .stream()
                        .filter(e -> e.getValue().map(r -> r.manifest().kind() == kind).orElse(false))
                        .map(Map.Entry::getKey)
                        .toList()));
        }
        return wanted.instant().then(asOf -> {
            if (wanted.isPinned()) {
                return resolvedPin(framework, wanted.pinned()).then(version -> pinned(framework, serving, version));
            }
            List<PublishedVersion> timeline = timeline(framework);
            if (timeline.isEmpty() && asOf == null) {
                // nothing published (a rules folder): what is built is what is served
                return version(framework, serving, serving.version(), false);
            }
            Instant at = asOf == null ? clock.instant() : asOf;
            Optional<PublishedVersion> inForce = EffectiveDates.inForceAt(timeline, at);
            if (inForce.isEmpty()) {
                return Decision.refused(notInForce(framework, at, timeline));
            }
            return version(framework, serving, inForce.get().rulesetVersion(), false)
                .then(ruleSet -> Decision.decided(ruleSet.inForceFrom(inForce.get().effectiveFrom())));
        });
    }

    private Decision<RuleSet> pinned(String framework, RuleSet serving, String version) {
        if (version.contains(",")) {
            // two Ruleset-Version headers, which HTTP joins with a comma: which one is
            // meant?
            return Decision.refused(Failure.malformed(
                    new FieldProblem(VersionWanted.PINNED_HEADER, "one version, not several (" + version + ")")));
        }
        // The instant its publication took effect: the newest that has (the same rules
        // may be published again, by a rollback, even to take effect later), else the
        // one scheduled; a cancelled one never took effect.
        Instant now = clock.instant();
        List<PublishedVersion> publications = timeline(framework).stream()
            .filter(v -> v.rulesetVersion().equals(version) && !v.wasCancelled())
            .toList();
        Instant effectiveFrom = publications.stream()
            .filter(v -> !v.effectiveFrom().isAfter(now))
            .findFirst()
            .or(() -> publications.stream().reduce((newer, older) -> older))
            .map(PublishedVersion::effectiveFrom)
            .orElse(null);
        return version(framework, serving, version, true)
            .then(ruleSet -> Decision.decided(ruleSet.inForceFrom(effectiveFrom)));
    }

    /**
     * The version a pin names, a prefix of a published (or, with nothing published, a
     * kept) version resolved ({@link VersionPrefix}).
     */
    private Decision<String> resolvedPin(String framework, String given) {
        List<String> known = new ArrayList<>();
        timeline(framework).forEach(v -> known.add(v.rulesetVersion()));
        kept.getOrDefault(framework, List.of()).forEach(v -> known.add(v.ruleSet().version()));
        return VersionPrefix.resolve(VersionWanted.PINNED_HEADER, given, known);
    }

    /** A version of the framework: the one serving, a kept one, or one rebuilt. */
    private Decision<RuleSet> version(String framework, RuleSet serving, String version, boolean pinned) {
        Optional<Withdrawals.Withdrawal> withdrawn = withdrawals.of(framework, version);
        if (withdrawn.isPresent()) {
            return Decision.refused(Withdrawals.refusal(framework, withdrawn.get(), pinned));
        }
        if (version.equals(serving.version())) {
            return Decision.decided(serving);
        }
        return kept.get(framework)
            .stream()
            .map(KeptVersion::ruleSet)
            .filter(r -> r.version().equals(version))
            .findFirst()
            .or(() -> rebuild(framework, version))
            .map(Decision::decided)
            .orElseGet(() -> Decision.refused(Failure.versionGone(framework, version,
                    "neither among the last " + KEPT_VERSIONS + " built nor ever published to the rule store")));
    }

    private static Failure notInForce(String framework, Instant at, List<PublishedVersion> timeline) {
        String first = timeline.stream()
            .filter(v -> !v.wasCancelled())
            .reduce((newer, older) -> older)
            .map(v -> "; its first version took effect at " + v.effectiveFrom())
            .orElse("; it has no published history (the development mode's rules folder)");
        return Failure.invalidFacts(List.of(new FieldProblem(VersionWanted.AS_OF_HEADER,
                "no version of " + framework + " was in force at " + at + first)));
    }

    /**
     * The framework's publications, newest first, as the source last gave them (read
     * again after every reload); none for a source that publishes nothing.
     */
    private List<PublishedVersion> timeline(String framework) {
        return timelines.computeIfAbsent(framework, id -> source.published(id).orElse(List.of()));
    }

    /**
     * A request decided with a rule set. One runaway verdict may be a cold or busy JVM,
     * so the request is decided once more at once, with a deadline of its own: only when
     * the rules run away again is the version withdrawn (and, if it is the published one,
     * the framework answers 503 until a publish). Either way the request is answered 503
     * naming the rule.
     */
    public <T> Decision<T> decide(RuleSet ruleSet, Supplier<Decision<T>> decide) {
        Decision<T> decision = decide.get();
        if (!(decision instanceof Decision.Refused<T> first) || !first.failure().isRunaway()) {
            return decision;
        }
        if (!(decide.get() instanceof Decision.Refused<T> again && again.failure().isRunaway())) {
            log.warn("Rule set {} {} ran away on a request once, not when it was decided again: kept serving ({})",
                    ruleSet.id(), ruleSet.version(), first.failure().detail());
            return refused(first.failure(), "; decided again, it did not, so version " + ruleSet.version()
                    + " is not withdrawn: try the request again");
        }
        withdrawals.record(ruleSet, again.failure(), clock.instant());
        rebuilt.remove(ruleSet.id() + "@" + ruleSet.version());
        boolean published = serving(ruleSet.id()).filter(r -> r.version().equals(ruleSet.version())).isPresent();
        return refused(again.failure(),
                "; it ran away again when decided once more, so version " + ruleSet.version() + " is withdrawn"
                        + (published ? " and " + ruleSet.id() + " answers 503 until a fix or a rollback is"
                                + " published through the usual approval" : ""));
    }

    private static <T> Decision<T> refused(Failure failure, String outcome) {
        return Decision.refused(new Failure(failure.type(), failure.detail() + outcome, failure.errors(),
                failure.totalErrors(), failure.culprit()));
    }

    /**
     * A version no longer kept, built again from where the source keeps it (and checked
     * as any build is), as a bounded build: refused 503 (thrown) when the builds are busy
     * or it takes too long.
     */
    private Optional<RuleSet> rebuild(String framework, String version) {
        RuleSet known = rebuilt.get(framework + "@" + version);
        if (known != null) {
            return Optional.of(known);
        }
        // One build of a version however many requests pin it at once; kept before the
        // build ends, so that no request is too late to share it yet too early to find
        // it.
        return builds
            .build("pinned " + framework + "@" + version, () -> source.holding(framework, version).flatMap(snapshot -> {
                LoadResult result = loader.load(snapshot, framework, null);
                if (result instanceof LoadResult.Loaded loaded
                        && checked(warm(loaded, snapshot)) instanceof LoadResult.Loaded good
                        && good.ruleSet().version().equals(version)) {
                    rebuilt.put(framework + "@" + version, good.ruleSet());
                    log.info("Rule set {} {} rebuilt from commit {} in {} ms for a pinned request", framework, version,
                            snapshot.commit(framework), good.buildMillis());
                    return Optional.of(good.ruleSet());
                }
                return Optional.empty();
            }))
            .orElseThrow();
    }

    /**
     * The rule set serving a framework; 404 when there is no such framework, 503 when it
     * never built or its files in the store are damaged.
     */
    private Decision<RuleSet> lookup(String framework) {
        Optional<String> damage = source.damaged(framework);
        if (damage.isPresent()) {
            return Decision.refused(Failure.ruleSetDamaged(framework, damage.get()));
        }
        return serving(framework).map(Decision::decided)
            .orElseGet(() -> Decision.refused(lastLoad.containsKey(framework) ? Failure.ruleSetUnavailable(framework)
                    : Failure.unknownFramework(framework, new TreeMap<>(lastLoad).keySet())));
    }

    /**
     * The store commit a built version came from (null for a folder, or a version not
     * built here).
     */
    public String commitOf(String framework, String version) {
        return kept.getOrDefault(framework, List.of())
            .stream()
            .map(KeptVersion::ruleSet)
            .filter(r -> r.version().equals(version))
            .findFirst()
            .or(() -> Optional.ofNullable(rebuilt.get(framework + "@" + version)))
            .map(RuleSet::commit)
            .orElse(null);
    }

    /** The kept good versions, newest (serving) first. */
    public List<KeptVersion> versions(String framework) {
        lookup(framework).orElseThrow();
        return kept.get(framework);
    }

    public RulesSource source() {
        return source;
    }

    /** What a rule set may be, for refusing an upload before it is written. */
    public BuildLimits buildLimits() {
        return builds.limits();
    }

    public Optional<LoadStatus> lastLoad(String framework) {
        return Optional.ofNullable(lastLoad.get(framework));
    }

    /** Every framework found, served or not, by id. */
    public Map<String, Optional<RuleSet>> frameworks() {
        Map<String, Optional<RuleSet>> all = new TreeMap<>();
        lastLoad.keySet().forEach(id -> all.put(id, serving(id)));
        return all;
    }

}
