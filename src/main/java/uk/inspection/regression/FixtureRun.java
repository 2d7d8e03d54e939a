package uk.inspection.regression;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.RuleSet;

/**
 * Every fixture run against its expected decision, in-process: which passed, and for each
 * that failed, every difference (status, then each expected field). {@code test} prints
 * it; a draft's review shows it.
 */
public final class FixtureRun {

    /** One failing fixture and what differed. */
    public record Failure(String fixture, List<String> differences) {
        public Failure {
            differences = List.copyOf(differences);
        }
    }

    /** The outcome of a run. */
    public record Result(int passed, int failed, List<Failure> failures) {
        public Result {
            failures = List.copyOf(failures);
        }
    }

    private FixtureRun() {
    }

    /**
     * Told of each fixture as it is run: for progress, and for a report per fixture
     * (JUnit XML).
     */
    public interface Listener {

        void ran(Fixture fixture, List<String> differences, Duration took, int done, int total);

    }

    public static Result run(LoadedRuleSets ruleSets, List<Fixture> fixtures) {
        return run(ruleSets, fixtures, (fixture, differences, took, done, total) -> {
        });
    }

    public static Result run(LoadedRuleSets ruleSets, List<Fixture> fixtures, Listener listener) {
        return run(ruleSets::get, ruleSets::whyNot, fixtures, new InProcessApi(), listener);
    }

    /**
     * One rule set's checks among the fixtures, with the service's request limits: a rule
     * set warming up before it serves.
     */
    public static Result run(RuleSet ruleSet, List<Fixture> fixtures, RequestLimits limits) {
        String id = ruleSet.id();
        List<Fixture> its = fixtures.stream()
            .filter(f -> f.checks().containsKey(id))
            .map(f -> new Fixture(f.file(), f.name(), f.description(), Map.of(id, f.checks().get(id))))
            .toList();
        return run(framework -> ruleSet, framework -> id, its, new InProcessApi(limits),
                (fixture, differences, took, done, total) -> {
                });
    }

    private static Result run(Function<String, RuleSet> ruleSets, UnaryOperator<String> whyNot, List<Fixture> fixtures,
            InProcessApi api, Listener listener) {
        int passed = 0;
        List<Failure> failures = new ArrayList<>();
        for (Fixture fixture : fixtures) {
            long started = System.nanoTime();
            List<String> differences = new ArrayList<>();
            for (Fixture.Check check : fixture.checks().values()) {
                differences.addAll(run(ruleSets, whyNot, api, check));
            }
            listener.ran(fixture, differences, Duration.ofNanos(System.nanoTime() - started),
                    passed + failures.size() + 1, fixtures.size());
            if (differences.isEmpty()) {
                passed++;
            }
            else {
                failures.add(new Failure(fixture.name(), differences));
            }
        }
        return new Result(passed, failures.size(), failures);
    }

    private static List<String> run(Function<String, RuleSet> ruleSets, UnaryOperator<String> whyNot, InProcessApi api,
            Fixture.Check check) {
        RuleSet ruleSet = ruleSets.apply(check.framework());
        if (ruleSet == null) {
            return List.of(whyNot.apply(check.framework()));
        }
        InProcessApi.Answer decision = api.answer(ruleSet, check.endpoint(), check.request());
        List<String> differences = new ArrayList<>();
        if (decision.status() != check.expectedStatus()) {
            differences.add(check.framework() + ": status " + decision.status() + ", expected " + check.expectedStatus()
                    + " (" + decision.body().path("detail").asText("") + ")");
        }
        ExpectedMatcher.differences(check.expectedBody(), decision.body())
            .forEach(d -> differences.add(check.framework() + ": " + d));
        return differences;
    }

}
