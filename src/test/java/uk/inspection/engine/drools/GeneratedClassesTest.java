package uk.inspection.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.Compilation;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleSource;

/**
 * The check of the classes compiled from rule text works on its own: with the source
 * allow-list switched off (a hook only tests have), code that reaches beyond the fact
 * classes and plain values still never runs, and is refused at the rule it came from.
 */
class GeneratedClassesTest {

    private static final String MARKER = "uk.inspection.generated.ran";

    private static final String HEADER = """
            package p;
            import uk.inspection.ratings.facts.*;
            """;

    /** An engine whose source check lets everything through. */
    private static final DroolsRuleEngine UNCHECKED = new DroolsRuleEngine(EvaluationLimits.DEFAULTS,
            BuildLimits.DEFAULTS, (path, drl, parsed, table) -> List.of());

    @AfterEach
    void clearMarker() {
        System.clearProperty(MARKER);
    }

    @Test
    void codeReachingSystemIsRefusedBeforeItRunsThoughTheSourceCheckAllowedIt() {
        // no condition: the rule fires as the rule set is built, if it is built
        Compilation compiled = UNCHECKED.compile("t", drl("""
                rule "reaches System"
                when
                then
                    System.setProperty("%s", "ran");
                end
                """.formatted(MARKER)));

        assertThat(System.getProperty(MARKER)).as("the consequence ran").isNull();
        assertThat(problems(compiled)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/t/t.drl");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("the rule \"reaches System\"", "java.lang.System.setProperty");
        });
    }

    @Test
    void aStaticInitialiserSmuggledIntoTheRulesClassNeverRuns() {
        // Code that would run as its class loads, before any rule fires: a static
        // initialiser of a class declared in the consequence.
        Compilation compiled = UNCHECKED.compile("t", drl("""
                rule "smuggles"
                when
                    $s : StandardDefinition()
                then
                    class Smuggled { static { System.setProperty("%s", "ran"); } } insert(new Smuggled());
                end
                """.formatted(MARKER)));

        assertThat(System.getProperty(MARKER)).as("the initialiser ran").isNull();
        assertThat(problems(compiled)).anySatisfy(problem -> assertThat(problem.message())
            .contains("the rule \"smuggles\"", "java.lang.System.setProperty"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            new java.io.File("x").delete();|java.io.File
            Class.forName("java.lang.Runtime");|java.lang.Class.forName
            Runtime.getRuntime().availableProcessors();|java.lang.Runtime.getRuntime
            Thread.sleep(1);|java.lang.Thread.sleep
            $s.getClass().getMethods();|java.lang.Class.getMethods
            Runnable r = () -> { }; r.run();|a lambda or method reference
            java.util.List.of(1).forEach(x -> { });|a lambda or method reference
            synchronized ($s) { insert(1); }|synchronized
            "x".repeat(1000000000);|java.lang.String.repeat
            Integer.getInteger("x");|java.lang.Integer.getInteger
            new java.net.Socket();|java.net.Socket
            java.util.concurrent.Executors.newFixedThreadPool(2);|java.util.concurrent.Executors
            System.out.println("x");|java.lang.System.out
            java.lang.invoke.MethodHandles.lookup();|java.lang.invoke.MethodHandles.lookup
            boolean b = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!".matches("(a+)+$");|java.lang.String.matches
            String t = "x".replaceAll("(x+)+y", "z");|java.lang.String.replaceAll
            String t = String.format("%0999999999d", 1);|java.lang.String.format
            java.util.List<Object> l = new java.util.ArrayList<>(200000000);|java.util.ArrayList.<init>
            java.util.List<String> l = java.util.Collections.nCopies(200000000, "x");|java.util.Collections.nCopies
            String t = new java.math.BigDecimal("1e999999999").toPlainString();|java.math.BigDecimal
            int[][] a = new int[2][3];|an array of arrays
            try { insert(1); } catch (RuntimeException e) { }|a catch of java.lang.RuntimeException
            try { insert(1); } finally { insert(2); }|a finally block
            class F { protected void finalize() { } } insert(new F());|a finaliser
            """)
    void eachReachBeyondTheAllowListIsNamed(String consequence, String named) {
        Compilation compiled = UNCHECKED.compile("t", drl("""
                rule "reaches out"
                when
                    $s : StandardDefinition()
                then
                    %s
                end
                """.formatted(consequence)));

        assertThat(problems(compiled)).anySatisfy(problem -> assertThat(problem.message()).contains(named));
    }

    @Test
    void whatTheSourceAllowListAllowsPassesTheBytecodeCheck() {
        Compilation compiled = new DroolsRuleEngine().compile("t", drl("""
                import java.util.List;
                rule "r"
                when
                    $s : StandardDefinition(code in ("2.1", "2.2"), $code : code)
                    $r : StandardResult(code == $code, options contains "GOOD")
                    accumulate( KeyQuestionResult(standard == $code, $rating : rating != null); $n : count($rating),
                                $all : collectList($rating); $n > 0 )
                    $list : List() from collect( KeyQuestionResult(standard == $code) )
                then
                    List<String> found = new java.util.ArrayList<>();
                    if (!$all.isEmpty()) {
                        found.add("x: " + String.join(", ", (List<String>) $all) + Math.abs($n.intValue()));
                    }
                    insert(StandardResult.rated($s.code(), "GOOD", 2, KeyQuestionResult.codesOf($list)));
                    update($r);
                    retract($r);
                end
                """));

        assertThat(compiled).isInstanceOf(Compilation.Compiled.class);
    }

    private static List<RuleSource> drl(String rules) {
        return List.of(new RuleSource("rules/t/t.drl", RuleSource.Type.DRL,
                (HEADER + rules).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<LoadProblem> problems(Compilation compiled) {
        assertThat(compiled).isInstanceOf(Compilation.Failed.class);
        return ((Compilation.Failed) compiled).problems();
    }

}
