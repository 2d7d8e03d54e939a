package uk.inspection.engine.drools;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.inspection.engine.Compilation;
import uk.inspection.engine.CompiledRules;
import uk.inspection.engine.Evaluation;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.drools.allowlist.GeneratedClasses;
import uk.inspection.engine.drools.allowlist.ParsedDrl;
import uk.inspection.engine.drools.allowlist.RuleWork;
import uk.inspection.engine.RuleSource;
import uk.inspection.facts.Flag;
import uk.inspection.facts.Rejection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules with no conditions are fired once when the rule set is built: a request sees what
 * they inserted, in the order they fired, with their trace, and the firing limit still
 * counts them; a rule for which that would not be the same keeps firing on each request.
 */
class UnconditionalRulesTest {

    private static final String HEADER = "package t;\nimport uk.inspection.facts.*;\n";

    private static final String REFERENCE = """
            rule "Row one" salience 100 when then insert(new Flag("ONE", "first row")); end
            rule "Row two" salience 100 when then insert(new Flag("TWO", "second row")); end
            rule "Joined" when Flag(code == "ONE") Rejection($f : field) then insert(new Flag("JOINED", $f)); end
            """;

    @Test
    void aRequestSeesTheRowsInFiringOrderWithTheirTrace() {
        CompiledRules rules = compile(REFERENCE, EvaluationLimits.DEFAULTS);
        Evaluation.Completed withFact = (Evaluation.Completed) rules.evaluate(List.of(new Rejection("x", "y")));
        assertThat(withFact.outputs(Flag.class)).extracting(Flag::code).containsExactly("ONE", "TWO", "JOINED");
        assertThat(withFact.trace()).extracting(t -> t.rule()).containsExactly("Row one", "Row two", "Joined");
        Evaluation.Completed without = (Evaluation.Completed) rules.evaluate(List.of());
        assertThat(without.outputs(Flag.class)).extracting(Flag::code).containsExactly("ONE", "TWO");
        assertThat(rules.insertedWithoutFacts()).extracting(i -> i.rule()).containsExactly("Row one", "Row two");
    }

    @Test
    void theFiringLimitCountsTheRowsFiredOnce() {
        // Two rows and one joined rule: three firings; a limit of three stops the
        // request.
        CompiledRules rules = compile(REFERENCE, new EvaluationLimits(Duration.ofSeconds(5), 3));
        assertThat(rules.evaluate(List.of(new Rejection("x", "y")))).isInstanceOf(Evaluation.Failed.class)
            .extracting(f -> ((Evaluation.Failed) f).message())
            .asString()
            .contains("fired 3 rules on one request");
        assertThat(compile(REFERENCE, new EvaluationLimits(Duration.ofSeconds(5), 4))
            .evaluate(List.of(new Rejection("x", "y")))).isInstanceOf(Evaluation.Completed.class);
    }

    @Test
    void onlyRulesThatWouldBeTheSameAreFiredOnce() {
        String drl = """
                rule "Reference" salience 100 when then insert(new Flag("R", "row")); end
                rule "Mutable" salience 100 when then insert(new ArrayList()); end
                rule "Low" salience -5 when then insert(new Flag("L", "low")); end
                rule "Conditional" when Rejection() then insert(new Flag("C", "c")); end
                """;
        kieBaseOf(drl,
                taken -> assertThat(taken.inserts()).extracting(i -> i.rule().getName()).containsExactly("Reference"));
        // A row whose salience does not put it before every conditional rule keeps
        // firing.
        kieBaseOf("""
                rule "Row" when then insert(new Flag("R", "row")); end
                rule "Conditional" salience 10 when not Flag() then insert(new Flag("C", "none yet")); end
                """, taken -> assertThat(taken.inserts()).isEmpty());
        CompiledRules rules = compile("""
                rule "Row" when then insert(new Flag("R", "row")); end
                rule "Conditional" salience 10 when not Flag() then insert(new Flag("C", "none yet")); end
                """, EvaluationLimits.DEFAULTS);
        assertThat(((Evaluation.Completed) rules.evaluate(List.of())).outputs(Flag.class)).extracting(Flag::code)
            .containsExactly("C", "R");
    }

    private static CompiledRules compile(String rules, EvaluationLimits limits) {
        Compilation compiled = new DroolsRuleEngine(limits).compile("t", List.of(new RuleSource("rules/t/t.drl",
                RuleSource.Type.DRL, (HEADER + rules).getBytes(StandardCharsets.UTF_8))));
        assertThat(compiled).isInstanceOf(Compilation.Compiled.class);
        return ((Compilation.Compiled) compiled).rules();
    }

    private static void kieBaseOf(String rules, java.util.function.Consumer<UnconditionalRules.FiredOnce> check) {
        ExecutableModel.Compiled compiled = ExecutableModel
            .compile(List.of(ParsedDrl.parse("rules/t/t.drl", HEADER + "import java.util.*;\n" + rules)));
        assertThat(compiled.errors()).isEmpty();
        assertThat(compiled.javaErrors()).isEmpty();
        try (RuleWork.Scope work = RuleWork.begin(EvaluationLimits.DEFAULTS)) {
            org.kie.api.KieBase kieBase = org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(
                    ModelClasses.models(GeneratedClasses.bound(compiled.classes()), compiled.models()),
                    org.kie.api.KieServices.get().newKieBaseConfiguration());
            check.accept(UnconditionalRules.takeOut(kieBase, EvaluationLimits.DEFAULTS));
        }
    }

    @Test
    void immutableValues() {
        assertThat(ImmutableValues.isImmutable(new Flag("A", "b"))).isTrue();
        assertThat(ImmutableValues.isImmutable(List.of("a", java.time.LocalDate.of(2025, 1, 1)))).isTrue();
        assertThat(ImmutableValues.isImmutable(Map.of("a", List.of(1)))).isTrue();
        assertThat(ImmutableValues.isImmutable(new ArrayList<>())).isFalse();
        assertThat(ImmutableValues.isImmutable(List.of(new ArrayList<>()))).isFalse();
        assertThat(ImmutableValues.isImmutable(java.util.Collections.unmodifiableList(new ArrayList<>()))).isFalse();
        assertThat(ImmutableValues.isImmutable(new Holder(new StringBuilder()))).isFalse();
        assertThat(ImmutableValues.isImmutable(new int[0])).isFalse();
    }

    record Holder(Object value) {
    }

}
