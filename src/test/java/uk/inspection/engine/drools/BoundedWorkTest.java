package uk.inspection.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.Compilation;
import uk.inspection.engine.CompiledRules;
import uk.inspection.engine.Evaluation;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.RuleSource;
import uk.inspection.facts.Trigger;

/**
 * Straight-line code the allow-lists accept can still grow a value exponentially or
 * search one long value for another; the classes compiled from rule text are rewritten so
 * that such work stops at the evaluation's limits ({@link RuleWork}), whether the rule
 * runs as its rule set is built (no conditions) or on a request. Each rule here would
 * exhaust the heap, or spin for hours, without that.
 */
@Timeout(60)
class BoundedWorkTest {

    private static final String HEADER = """
            package p;
            import uk.inspection.facts.*;
            import java.util.List;
            import java.util.ArrayList;
            """;

    private static final DroolsRuleEngine ENGINE = new DroolsRuleEngine();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "String s = \"ab\"; | s = s.concat(s); | s", "String s = \"ab\"; | s = s + s + s; | s",
            "List<Object> l = new ArrayList<>(); l.add(\"x\"); | l.addAll(l); | l",
            "List<Object> l = new ArrayList<>(); l.add(\"x\"); | l.add(l.toString()); | l" })
    void aValueDoubledOnEveryLineStopsAtTheLengthLimitAsTheRuleSetIsBuiltAndOnEveryRequest(String code) {
        String[] parts = code.split(" \\| ");
        String consequence = parts[0] + "\n" + (parts[1] + "\n").repeat(40) + "insert(new Trigger(\"T\", \"\" + "
                + parts[2] + ".hashCode()));";

        CompiledRules rules = compiled(ENGINE, """
                rule "doubles"
                when
                then
                    %s
                end
                """.formatted(consequence));

        assertThat(rules.evaluate(List.of())).isInstanceOfSatisfying(Evaluation.Failed.class, failed -> {
            assertThat(failed.message()).contains("made a value of", "more than the 20000 a rule may make");
            assertThat(failed.culprit().toString()).contains("rules/t/t.drl");
        });
    }

    @Test
    void aValueDoubledOnEveryFiringStopsAtTheLengthLimit() {
        CompiledRules rules = compiled(ENGINE, """
                rule "doubles what it finds"
                when
                    Trigger($m : message)
                then
                    insert(new Trigger("T", $m + $m));
                end
                """);

        assertThat(rules.evaluate(List.of(new Trigger("T", "ab")))).isInstanceOfSatisfying(Evaluation.Failed.class,
                failed -> assertThat(failed.message()).contains("made a value of", "doubles what it finds"));
    }

    @Test
    void manyValuesEachUnderTheLengthLimitStopAtTheMemoryLimit() {
        // each firing makes a new text just under the length limit, for ever
        EvaluationLimits limits = new EvaluationLimits(Duration.ofMinutes(1), 1_000_000, 20_000, 16L * 1024 * 1024);
        CompiledRules rules = compiled(new DroolsRuleEngine(limits, BuildLimits.DEFAULTS), """
                rule "a new long text each time"
                when
                    Trigger($m : message)
                then
                    insert(new Trigger("T", $m.substring(1) + "b"));
                end
                """);

        Evaluation evaluation = rules.evaluate(List.of(new Trigger("T", "a".repeat(19_000))));

        assertThat(evaluation).isInstanceOfSatisfying(Evaluation.Failed.class,
                failed -> assertThat(failed.message()).contains("allocated more than 16 MiB of memory"));
    }

    @Test
    void aSearchOfOneLongTextForAnotherIsRefusedBeforeItRuns() {
        EvaluationLimits limits = new EvaluationLimits(Duration.ofMinutes(1), 10_000, 1_000, 64L * 1024 * 1024);
        CompiledRules rules = compiled(new DroolsRuleEngine(limits, BuildLimits.DEFAULTS), """
                rule "searches"
                when
                    Trigger(code == "T", $m : message)
                then
                    insert(new Trigger("S", "" + $m.indexOf($m.substring(500))));
                end
                """);

        // 900 characters searched for 400: 360,000 comparisons, more than 1,000² / 4
        assertThat(rules.evaluate(List.of(new Trigger("T", "a".repeat(900))))).isInstanceOfSatisfying(
                Evaluation.Failed.class, failed -> assertThat(failed.message()).contains("searched 900", "for 400"));
        // 600 for 100: 60,000, within it
        assertThat(rules.evaluate(List.of(new Trigger("T", "a".repeat(600))))).isInstanceOf(Evaluation.Completed.class);
    }

    @Test
    void aLoopThatGotPastBothChecksStillStopsAtTheDeadline() {
        // the source check switched off, as a parser quirk would: a loop, which the
        // bytecode check allows (a consequence's branches are jumps too)
        CompiledRules rules = compiled(
                unchecked(new EvaluationLimits(Duration.ofMillis(200), 10_000, 20_000, Long.MAX_VALUE)), """
                        rule "spins"
                        when
                            Trigger($m : message)
                        then
                            int n = 0;
                            while (true) { n += $m.length(); }
                        end
                        """);

        assertThat(rules.evaluate(List.of(new Trigger("T", "x")))).isInstanceOfSatisfying(Evaluation.Failed.class,
                failed -> assertThat(failed.message()).contains("was still firing rules after 200 ms", "spins"));
    }

    @Test
    void aCollectionThatHoldsItselfIsAFailureOfTheRuleNotOfTheService() {
        CompiledRules rules = compiled(ENGINE, """
                rule "holds itself"
                when
                    Trigger($m : message)
                then
                    List<Object> l = new ArrayList<>();
                    l.add(l);
                    insert(new Trigger("T", "" + l.hashCode()));
                end
                """);

        assertThat(rules.evaluate(List.of(new Trigger("T", "x")))).isInstanceOfSatisfying(Evaluation.Failed.class,
                failed -> assertThat(failed.message()).contains("holds itself"));
    }

    @Test
    void oneCallThatWalksAValueForEverIsStoppedAtTheDeadline() {
        // 63 lists of two elements each, each holding the one before twice: a hash
        // walks 2^62 lists inside one call, which no step sees
        StringBuilder dag = new StringBuilder("List<Object> l0 = new ArrayList<>(); l0.add(\"x\");\n");
        for (int i = 1; i <= 62; i++) {
            dag.append("List<Object> l%d = new ArrayList<>(); l%d.add(l%d); l%d.add(l%d);%n".formatted(i, i, i - 1, i,
                    i - 1));
        }
        CompiledRules rules = compiled(ENGINE, """
                rule "walks for ever"
                when
                    Trigger(code == "T")
                then
                    %s
                    insert(new Trigger("H", "" + l62.hashCode()));
                end
                """.formatted(dag));

        long start = System.nanoTime();
        Evaluation evaluation = rules.evaluate(List.of(new Trigger("T", "x")));

        assertThat(evaluation).isInstanceOfSatisfying(Evaluation.Failed.class, failed -> assertThat(failed.message())
            .contains("was still firing rules after 500 ms", "inside one call, and was stopped", "walks for ever"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        // the thread that was stopped goes on to evaluate again
        assertThat(rules.evaluate(List.of(new Trigger("U", "x")))).isInstanceOf(Evaluation.Completed.class);
    }

    @Test
    void aCrossProductOfFactsIsStoppedInsideDroolsMatching() {
        CompiledRules rules = compiled(ENGINE, """
                rule "seeds"
                when
                    Trigger(code == "go")
                then
                %s
                end

                rule "crosses"
                when
                    Trigger() Trigger() Trigger() Trigger() Trigger() Trigger() Trigger() Trigger()
                then
                end
                """.formatted("    insert(new Trigger(\"a\", \"\"));\n".repeat(20)));

        assertThat(rules.evaluate(List.of(new Trigger("go", "")))).isInstanceOfSatisfying(Evaluation.Failed.class,
                failed -> assertThat(failed.message()).containsAnyOf("was still firing rules",
                        "allocated more than 64 MiB"));
    }

    @Test
    void aLoopInAClassInitialiserFailsItsRuleNotTheService() {
        // a static initialiser of a class the consequence declares, that loops: it
        // fails (stopped at its limits) and the class with it, for good
        CompiledRules rules = compiled(unchecked(EvaluationLimits.DEFAULTS), """
                rule "smuggles"
                when
                then
                    class Smuggled { static { int n = 1; while (n != 0) { n = n | 1; } } } insert(new Smuggled());
                end
                """);

        assertThat(rules.evaluate(List.of())).isInstanceOfSatisfying(Evaluation.Failed.class,
                failed -> assertThat(failed.message()).contains("the rule \"smuggles\""));
    }

    @Test
    void anArrayLongerThanTheLimitIsNeverCreated() {
        CompiledRules rules = compiled(unchecked(EvaluationLimits.DEFAULTS), """
                rule "allocates"
                when
                    Trigger($m : message)
                then
                    long[] a = new long[$m.length() * 200000000];
                    Object[] b = new Object[$m.length() * 200000000];
                end
                """);

        assertThat(rules.evaluate(List.of(new Trigger("T", "x")))).isInstanceOfSatisfying(Evaluation.Failed.class,
                failed -> assertThat(failed.message()).contains("created an array of 200000000 elements"));
    }

    @Test
    void theShippedKindOfRuleIsUntouchedByTheLimits() {
        CompiledRules rules = compiled(ENGINE, """
                rule "lists what it finds"
                when
                    $t : Trigger(code == "T", $m : message)
                then
                    List<String> found = new ArrayList<>();
                    found.add($m);
                    found.add($m.toUpperCase());
                    insert(new Trigger("U", String.join("; ", found) + " (" + found.size() + ")"));
                end
                """);

        assertThat(rules.evaluate(List.of(new Trigger("T", "ab")))).isInstanceOfSatisfying(Evaluation.Completed.class,
                completed -> assertThat(completed.outputs(Trigger.class)).extracting(Trigger::message)
                    .contains("ab; AB (2)"));
    }

    /** An engine with the source check switched off, as a parser quirk would. */
    private static DroolsRuleEngine unchecked(EvaluationLimits limits) {
        return new DroolsRuleEngine(limits, BuildLimits.DEFAULTS, (path, drl, parsed, table) -> List.of());
    }

    private static CompiledRules compiled(DroolsRuleEngine engine, String rules) {
        Compilation compilation = engine.compile("t", List.of(new RuleSource("rules/t/t.drl", RuleSource.Type.DRL,
                (HEADER + rules).getBytes(StandardCharsets.UTF_8))));
        assertThat(compilation).isInstanceOf(Compilation.Compiled.class);
        return ((Compilation.Compiled) compilation).rules();
    }

}
