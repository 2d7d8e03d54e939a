package uk.inspection.drafts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.ObjectId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.diff.RuleDiff;
import uk.inspection.problem.Decision;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.LoadProblem;
import uk.inspection.regression.Comparison;
import uk.inspection.regression.Fixture;
import uk.inspection.regression.FixtureComparison;
import uk.inspection.regression.FixtureRun;
import uk.inspection.records.DecisionFilter;
import uk.inspection.records.DecisionRecord;
import uk.inspection.records.DecisionStore;
import uk.inspection.regression.LoadedRuleSets;
import uk.inspection.regression.RecordedComparison;
import uk.inspection.regression.Side;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetBuilds;
import uk.inspection.ruleset.RuleSetCheck;
import uk.inspection.ruleset.RuleSetLoader;
import uk.inspection.store.GitRuleStore;

/**
 * Reviews drafts: the draft's and its base's files are written to a scratch folder and
 * run exactly as {@code validate}, {@code test} and {@code compare} run a rules home. A
 * review is kept for the draft's head, so it is computed once per change; a draft is
 * untrusted work, so it is built as one of the bounded {@link RuleSetBuilds}.
 */
@Component
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
public class DraftReviews {

    private static final int KEPT = 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitRuleStore store;

    private final List<RuleSetCheck> checks;

    private final RuleDiff diff = new RuleDiff();

    private final Map<String, DraftReview> reviewed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DraftReview> eldest) {
            return size() > KEPT;
        }
    });

    private final ObjectProvider<DecisionStore> decisions;

    private final int recordedSample;

    private final RuleSetBuilds builds;

    /** Draft rule sets are built within the service's limits, as any rule set is. */
    private final RuleSetLoader loader;

    DraftReviews(GitRuleStore store, List<RuleSetCheck> checks, ObjectProvider<DecisionStore> decisions,
            @Value("${records.impact-sample:200}") int recordedSample, RuleSetBuilds builds) {
        this.store = store;
        this.builds = builds;
        this.loader = builds.loader(Clock.systemUTC(), EvaluationLimits.DEFAULTS);
        this.checks = List.copyOf(checks);
        this.decisions = decisions;
        this.recordedSample = recordedSample;
    }

    /**
     * The draft's review: computed once per head, on a bounded build thread (a draft is
     * untrusted work); refused 503 when too many builds wait or it takes too long.
     */
    public DraftReview review(Draft draft) {
        return tryReview(draft).orElseThrow();
    }

    /** The draft's review, or why the builds could not compute it now. */
    public Decision<DraftReview> tryReview(Draft draft) {
        DraftReview known = reviewed.get(draft.head());
        if (known != null) {
            return Decision.decided(known);
        }
        return builds.build("review of " + draft.head(), () -> {
            DraftReview review = StoreStep.unchecked(() -> compute(draft));
            reviewed.put(draft.head(), review);
            return review;
        });
    }

    /**
     * The review already computed for the draft's head, if any: for a step that must not
     * wait for one to be computed (approving, inside the store's lock).
     */
    public Optional<DraftReview> reviewed(Draft draft) {
        return Optional.ofNullable(reviewed.get(draft.head()));
    }

    /**
     * The draft's rule set as built from its head, for trying a request against it or
     * shadowing with it before it is published; empty when it does not build. Built on a
     * bounded build thread, shared with an identical build under way.
     */
    public Optional<RuleSet> ruleSet(Draft draft) {
        return builds.build("rule set of " + draft.head(), () -> StoreStep.unchecked(() -> {
            Map<String, byte[]> files = store.files(ObjectId.fromString(draft.head()),
                    Drafts.folders(draft.framework()));
            Path scratch = Files.createTempDirectory("draft-" + draft.id() + "-");
            try {
                return Optional.ofNullable(
                        new LoadedRuleSets(write(scratch.resolve("draft"), files), List.of(draft.framework()), loader)
                            .get(draft.framework()));
            }
            finally {
                delete(scratch);
            }
        })).orElseThrow();
    }

    private DraftReview compute(Draft draft) throws IOException {
        String framework = draft.framework();
        List<String> folders = Drafts.folders(framework);
        Map<String, byte[]> before = store.files(ObjectId.fromString(draft.base()), folders);
        Map<String, byte[]> after = store.files(ObjectId.fromString(draft.head()), folders);
        Path scratch = Files.createTempDirectory("draft-" + draft.id() + "-");
        try {
            Path baseHome = write(scratch.resolve("base"), before);
            Path draftHome = write(scratch.resolve("draft"), after);
            // A fixture the run cannot read (uploaded before uploads were checked) is a
            // problem at its path, not the end of the review.
            List<LoadProblem> unreadable = unreadableFixtures(after);
            for (LoadProblem fixture : unreadable) {
                Files.delete(draftHome.resolve(fixture.file()));
            }
            LoadedRuleSets baseRules = new LoadedRuleSets(baseHome, List.of(framework), loader);
            LoadedRuleSets draftRules = new LoadedRuleSets(draftHome, List.of(framework), loader);
            List<LoadProblem> validation = validation(draftRules);
            validation.addAll(unreadable);
            Path fixtures = draftHome.resolve("fixtures").resolve(framework);
            List<Fixture> cases = Files.isDirectory(fixtures) ? Fixture.under(fixtures) : List.of();
            FixtureRun.Result run = FixtureRun.run(draftRules, cases);
            Comparison impact = null;
            if (baseRules.get(framework) != null && draftRules.get(framework) != null && Files.isDirectory(fixtures)) {
                impact = new FixtureComparison(new Side(baseHome, framework), baseRules, new Side(draftHome, framework),
                        draftRules)
                    .over(fixtures)
                    .describedAs(side("published " + draft.base(), framework, baseRules),
                            side("draft " + draft.id() + " at " + draft.head(), framework, draftRules));
            }
            RecordedComparison.Result recorded = baseRules.get(framework) == null || draftRules.get(framework) == null
                    ? null : recorded(baseRules.get(framework), draftRules.get(framework));
            return new DraftReview(draft.head(), validation, run, impact, recorded, diff.between(before, after));
        }
        finally {
            delete(scratch);
        }
    }

    /**
     * The last recorded live decisions of the framework, re-decided under the base and
     * the draft.
     */
    private RecordedComparison.Result recorded(RuleSet base, RuleSet draft) {
        DecisionStore records = decisions.getIfAvailable();
        if (records == null || recordedSample <= 0) {
            return null;
        }
        RecordedComparison comparison = new RecordedComparison(base, draft, 100);
        try {
            for (DecisionRecord record : records.list(new DecisionFilter(base.id(), null, null, null, null, null), 0,
                    recordedSample)) {
                comparison.add(record.id(), record.endpoint(), JSON.readTree(record.request()));
            }
        }
        catch (IOException | RuntimeException e) {
            return null; // the records database is down: the review is still given,
                         // without them
        }
        return comparison.result();
    }

    /** The build's problems, then those of every check a served rule set must pass. */
    private List<LoadProblem> validation(LoadedRuleSets rules) {
        List<LoadProblem> problems = new ArrayList<>();
        rules.failures().forEach(failed -> problems.addAll(failed.problems()));
        for (RuleSet ruleSet : rules.loaded()) {
            checks.forEach(check -> problems.addAll(check.check(ruleSet)));
        }
        return problems;
    }

    private static List<LoadProblem> unreadableFixtures(Map<String, byte[]> files) {
        List<LoadProblem> problems = new ArrayList<>();
        files.forEach((path, content) -> {
            String why = path.startsWith("fixtures/") ? Uploads.whyUnreadable(path, content) : null;
            if (why != null) {
                problems.add(LoadProblem.inFile(path, why));
            }
        });
        return problems;
    }

    private static Comparison.SideReport side(String home, String framework, LoadedRuleSets rules) {
        RuleSet ruleSet = rules.get(framework);
        return new Comparison.SideReport(home, framework, ruleSet == null ? null : ruleSet.version(), null);
    }

    private static Path write(Path home, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = home.resolve(file.getKey()).normalize();
            if (!target.startsWith(home)) {
                throw new IOException("a path outside the folder: " + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Files.createDirectories(home.resolve("rules"));
        return home;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

}
