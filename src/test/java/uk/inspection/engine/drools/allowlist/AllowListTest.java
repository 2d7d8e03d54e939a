package uk.inspection.engine.drools.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.inspection.engine.RuleSource;
import uk.inspection.engine.drools.tables.DecisionTableTranslator;

/**
 * The allow-list of what rule files may contain, over inline rules: each refused
 * construct is named at its line; what the shipped rules do passes, and so do the shipped
 * files themselves.
 */
class AllowListTest {

    private static final String HEADER = """
            package p;
            import java.util.List;
            import uk.inspection.facts.*;
            import uk.inspection.ratings.facts.*;
            """;

    @Test
    void everyShippedRuleFileAndTablePasses() throws Exception {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("rules")), Files.walk(Path.of("decision-tables")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.toString();
                if (name.endsWith(".drl")) {
                    violations.addAll(check(name, Files.readString(file)));
                }
                else if (name.endsWith(".drl.xlsx")) {
                    for (DecisionTableTranslator.Generated generated : DecisionTableTranslator
                        .translate(new RuleSource(name, RuleSource.Type.WORKBOOK_TABLE, Files.readAllBytes(file)))
                        .generated()) {
                        violations.addAll(check(name, generated.drl()));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void whatTheShippedRulesDoIsAllowed() {
        String drl = HEADER
                + """
                        rule "r"
                            salience -10
                            no-loop true
                        when
                            $s : StandardDefinition(code in ("2.1", "2.2"), countsTowardOverall, $code : code)
                            $r : StandardResult(code == $s.code || code == $code, options contains "GOOD", options.isEmpty() == false, drivenBy.size() > 0)
                            accumulate( KeyQuestionResult(standard == $code, $rating : rating != null); $n : count($rating),
                                        $all : collectList($rating); $n > 0 )
                            $o : Integer() from OverallScore.offsetsWithin(2)
                            $list : List() from collect( KeyQuestionResult(standard == $code) )
                        then
                            List<String> found = new java.util.ArrayList<>();
                            if (!$all.isEmpty()) {
                                found.add("x: " + String.join(", ", (List<String>) $all) + Math.abs($o));
                            } else {
                                found.add(String.valueOf($n.intValue()));
                            }
                            KeyQuestionResult result = KeyQuestionResult.notApplicable(null);
                            result = result.withRating("GOOD");
                            insert(StandardResult.rated($s.code(), "GOOD", 2, KeyQuestionResult.codesOf($list)));
                            modify($r) { withRating("GOOD") };
                            update($r);
                            retract($r);
                        end
                        """;

        assertThat(check("rules/x.drl", drl)).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            then while (true) { }|a while loop|8
            then for (int i = 0; ; i++) { }|a for loop|8
            then do { } while (true);|a do-while loop|8
            then System.exit(0);|System|8
            then java.lang.System.exit(0);|java.lang.System|8
            then Runtime.getRuntime().halt(0);|Runtime|8
            then new Thread().start();|new Thread(...)|8
            then Thread.sleep(100000);|Thread|8
            then Class.forName("x");|Class|8
            then $s.getClass().getClassLoader();|.getClass(...)|8
            then drools.halt();|drools|8
            then kcontext.getKieRuntime();|kcontext|8
            then new java.io.File("x").delete();|new java.io.File(...)|8
            then List.of(1).forEach(x -> insert(x));|a lambda|8
            then List.of(1).forEach(System.out::println);|a method reference|8
            then "x".repeat(1000000000);|.repeat(...)|8
            then new java.util.ArrayList<>(2000000000);|with a size or contents|8
            then int[] a = new int[2000000000];|the type int[]|8
            then try { insert(1); } catch (Exception e) { }|a try|8
            then synchronized ($s) { }|a synchronized|8
            then exit(0);|exit(...)|8
            then $s.code().matches("(a+)+b");|.matches(...)|8
            then String.format("%0999999999d", 1);|String.format(...)|8
            then\\n    insert(1);\\n    while (true) { }|a while loop|10
            """)
    void aRefusedConstructIsNamedAtItsLine(String consequence, String construct, int line) {
        String drl = HEADER + "rule \"bad\"\nwhen\n    $s : StandardDefinition()\n" + consequence.replace("\\n", "\n")
                + "\nend\n";

        assertThat(check("rules/x.drl", drl)).anySatisfy(v -> assertThat(v).contains(":" + line + ":", construct));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    $s : StandardDefinition(code == System.getProperty("x"))|System|7
                    $s : StandardDefinition(java.lang.System.exit(0) == 0)|java.lang.System|7
                    $s : StandardDefinition(code matches "(a+)+b")|the operator 'matches'|7
                    $s : StandardDefinition(code == $s.getClass().getName())|.getClass(...)|7
                    eval(true)|eval(...)|7
                    java.io.File()|java.io.File, which is not a fact class|7
                    $n : Integer() from accumulate( StandardDefinition(), init(int i = 0;), action(i++;), result(i) )|its own code|7
                    $x : Integer() from java.lang.Runtime.getRuntime().availableProcessors()|java.lang.Runtime|7
                    $s : StandardDefinition(code == code.getClass.toString())|the property .getClass|7
                    $s : StandardDefinition(code.chars.parallel.count > 0)|the property .chars|7
                    $x : Object() from drools|drools|7
                    $x : Object() from kcontext.kieRuntime|kcontext|7
                    """)
    void aRefusedConditionIsNamedAtItsLine(String condition, String construct, int line) {
        String drl = HEADER + "rule \"bad\"\nwhen\n    " + condition + "\nthen\nend\n";

        assertThat(check("rules/x.drl", drl)).anySatisfy(v -> assertThat(v).contains(":" + line + ":", construct));
    }

    @Test
    void declarationsThatAreCodeAreRefused() {
        String drl = """
                package p;
                import java.io.File;
                import function java.lang.System.exit;
                global java.util.List out;
                function int f() { return 1; }
                declare Foo name : String end
                query "q" end
                rule "r" salience ($x.size()) dialect "mvel" timer (int: 1s) when then end
                """;

        assertThat(check("rules/x.drl", drl)).anySatisfy(v -> assertThat(v).contains(":2:", "imports java.io.File"))
            .anySatisfy(v -> assertThat(v).contains(":3:", "a static import"))
            .anySatisfy(v -> assertThat(v).contains(":4:", "a global"))
            .anySatisfy(v -> assertThat(v).contains(":5:", "a function"))
            .anySatisfy(v -> assertThat(v).contains(":6:", "a declared type"))
            .anySatisfy(v -> assertThat(v).contains("a query"))
            .anySatisfy(v -> assertThat(v).contains(":8:", "the attribute salience"))
            .anySatisfy(v -> assertThat(v).contains(":8:", "the attribute dialect mvel"))
            .anySatisfy(v -> assertThat(v).contains(":8:", "the attribute timer"));
    }

    private static List<String> check(String file, String drl) {
        try {
            PackageDescr parsed = new DrlParser().parse(false, drl);
            assertThat(parsed).as(drl).isNotNull();
            return AllowList.check(parsed, drl)
                .stream()
                .map(v -> file + ":" + v.line() + ": " + v.rule() + ": " + v.construct())
                .toList();
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
