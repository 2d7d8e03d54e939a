package uk.inspection.shadow;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.decision.DecisionKind;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;
import uk.inspection.records.Recording;
import uk.inspection.regression.DecisionDifferences;
import uk.inspection.problem.RequestLimits;
import uk.inspection.regression.InProcessApi;
import uk.inspection.regression.RecordedComparison;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.drafts.Draft;
import uk.inspection.drafts.DraftReviews;
import uk.inspection.drafts.Drafts;

/**
 * Shadow mode: with a shadow set for a framework, every live decision of it is put to the
 * shadow too, on a small pool of its own with a queue bounded by count
 * ({@code shadow.queue}) and by the bytes of JSON waiting or being compared
 * ({@code shadow.queue-bytes}: a quarter of a thousand services is megabytes), work that
 * does not fit dropped and counted, never queued without limit; the shadow's answer is
 * compared with the live one. The live answer and its latency are untouched: the request
 * only hands the work over.
 */
@Component
public class Shadows implements Recording.Observer {

    private static final Logger log = LoggerFactory.getLogger(Shadows.class);

    private final RuleSetRegistry registry;

    private final ObjectProvider<Drafts> drafts;

    private final ObjectProvider<DraftReviews> reviews;

    private final ObjectMapper json;

    private final Clock clock;

    private final InProcessApi api;

    private final Map<String, Shadow> shadows = new ConcurrentHashMap<>();

    private final ThreadPoolExecutor pool;

    private final long queueBytes;

    /** The bytes of JSON handed to the pool and not yet compared. */
    private final AtomicLong queued = new AtomicLong();

    Shadows(RuleSetRegistry registry, ObjectProvider<Drafts> drafts, ObjectProvider<DraftReviews> reviews,
            ObjectMapper json, Clock clock, Recording recording, RequestLimits limits,
            @Value("${shadow.threads:1}") int threads, @Value("${shadow.queue:1000}") int queue,
            @Value("${shadow.queue-bytes:64MB}") DataSize queueBytes) {
        this.registry = registry;
        this.api = new InProcessApi(limits);
        this.drafts = drafts;
        this.reviews = reviews;
        this.json = json;
        this.clock = clock;
        this.queueBytes = queueBytes.toBytes();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread thread = new Thread(r, "shadow");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        recording.observe(this);
    }

    /**
     * Sets a draft's rule set, or a published version, as the framework's shadow; the
     * report starts again.
     */
    public Decision<Shadow.Report> set(String framework, String draftId, String version) throws IOException {
        if (!registry.knows(framework)) {
            return Decision.refused(Failure.unknownFramework(framework, registry.frameworks().keySet()));
        }
        Decision<RuleSet> built = draftId != null ? draft(framework, draftId) : registry.lookup(framework,
                registry.serving(framework).map(r -> r.manifest().kind()).orElse(Manifest.Kind.RATINGS), version);
        return built.then(ruleSet -> {
            Shadow shadow = new Shadow(framework, draftId, ruleSet, clock.instant());
            shadows.put(framework, shadow);
            log.info("Shadowing {} with {} ({})", framework, ruleSet.version(), draftId == null ? "version" : draftId);
            return Decision.decided(shadow.report());
        });
    }

    private Decision<RuleSet> draft(String framework, String id) throws IOException {
        Drafts all = drafts.getIfAvailable();
        Optional<Draft> draft = all == null ? Optional.empty() : all.find(id);
        if (draft.isEmpty() || !draft.get().framework().equals(framework)) {
            return Decision.refused(new Failure(ProblemType.NOT_FOUND, "no draft '" + id + "' of " + framework, null));
        }
        // Built as a console try builds it: bounded, and shared with an identical build.
        return reviews.getObject()
            .ruleSet(draft.get())
            .map(Decision::decided)
            .orElseGet(() -> Decision.refused(new Failure(ProblemType.CONFLICT,
                    "draft " + id + " does not build, so it cannot shadow: see GET /api/v1/drafts/" + id, null)));
    }

    /**
     * Stops the framework's shadow; refused when the framework is unknown or has none.
     */
    public Decision<String> clear(String framework) {
        if (!registry.knows(framework)) {
            return Decision.refused(Failure.unknownFramework(framework, registry.frameworks().keySet()));
        }
        return shadows.remove(framework) != null ? Decision.decided(framework)
                : Decision.refused(new Failure(ProblemType.NOT_FOUND, framework + " has no shadow", null));
    }

    public Optional<Shadow.Report> report(String framework) {
        return Optional.ofNullable(shadows.get(framework)).map(Shadow::report);
    }

    @Override
    public boolean watches(String framework) {
        return shadows.containsKey(framework);
    }

    @Override
    public void decided(DecisionKind<?, ?> kind, String framework, String decisionId, String request, String response) {
        Shadow shadow = shadows.get(framework);
        if (shadow == null) {
            return;
        }
        long bytes = request.length() + response.length();
        if (queued.addAndGet(bytes) > queueBytes) {
            queued.addAndGet(-bytes);
            shadow.dropped.incrementAndGet();
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    compare(shadow, kind, decisionId, request, response);
                }
                finally {
                    queued.addAndGet(-bytes);
                }
            });
        }
        catch (RejectedExecutionException e) {
            queued.addAndGet(-bytes);
            shadow.dropped.incrementAndGet();
        }
    }

    private void compare(Shadow shadow, DecisionKind<?, ?> kind, String decisionId, String request, String response) {
        try {
            JsonNode liveBody = json.readTree(response);
            if (liveBody instanceof ObjectNode object) {
                object.remove("decisionId");
            }
            InProcessApi.Answer live = new InProcessApi.Answer(200, liveBody);
            InProcessApi.Answer shadowed = api.answer(shadow.ruleSet(), kind, json.readTree(request));
            List<DecisionDifferences.Difference> differences = DecisionDifferences.between(live, shadowed);
            shadow.compared(decisionId, RecordedComparison.label(live), RecordedComparison.label(shadowed),
                    differences);
        }
        catch (RuntimeException | IOException e) {
            shadow.failed.incrementAndGet();
        }
    }

}
