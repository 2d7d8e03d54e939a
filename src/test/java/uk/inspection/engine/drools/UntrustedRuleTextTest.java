package uk.inspection.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.inspection.engine.Compilation;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleSource;
import uk.inspection.support.RulesHomeCopy;

/**
 * Rule text is untrusted: what the Java compiler reads is what the allow-list checked.
 * Each payload here, if it ran, would set a system property; each is refused at its line
 * and the property stays unset. Unicode escapes are the case in point: the Java compiler
 * turns {@code \u000a} into a line break anywhere in the source, even inside a comment or
 * a string literal, so a checker that reads the text as written sees a comment where the
 * compiler sees code.
 */
class UntrustedRuleTextTest {

    private static final String MARKER = "uk.inspection.untrusted.ran";

    private static final String HEADER = """
            package p;
            import uk.inspection.ratings.facts.*;
            """;

    @AfterEach
    void clearMarker() {
        System.clearProperty(MARKER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "// a note \\u000a System.setProperty(\"" + MARKER + "\", \"line break\");",
            "String s = \"\\u0022; System.setProperty(\\u0022" + MARKER + "\\u0022, \\u0022quote\\u0022); //\";",
            "/* \\u002a/ System.setProperty(\"" + MARKER + "\", \"comment end\"); /* */",
            "// \\uuuu000a System.setProperty(\"" + MARKER + "\", \"many u\");" })
    void aUnicodeEscapeInAConsequenceIsRefusedAtItsLineAndNeverRuns(String consequence) {
        // no condition: the rule fires once when the rule set is built, so a payload that
        // got through would run during compile(), before any request
        String drl = HEADER + "rule \"escape\"\nwhen\nthen\n    " + consequence + "\nend\n";

        Compilation compiled = new DroolsRuleEngine().compile("t", List.of(drl("rules/t/t.drl", drl)));

        assertThat(System.getProperty(MARKER)).as("the payload ran").isNull();
        assertThat(compiled).isInstanceOf(Compilation.Failed.class);
        assertThat(((Compilation.Failed) compiled).problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/t/t.drl");
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.message()).contains("Unicode escape");
        });
    }

    @Test
    void aUnicodeEscapeInAConditionIsRefusedToo() {
        String drl = HEADER + "rule \"escape\"\nwhen\n    StandardDefinition(code == \"\\u0032.1\")\nthen\nend\n";

        Compilation compiled = new DroolsRuleEngine().compile("t", List.of(drl("rules/t/t.drl", drl)));

        assertThat(compiled).isInstanceOf(Compilation.Failed.class);
        assertThat(((Compilation.Failed) compiled).problems()).extracting(LoadProblem::line).contains(5);
    }

    @Test
    void aUnicodeEscapeInATableCellIsRefusedAtTheCellAndNeverRuns(@TempDir Path temp) throws Exception {
        // The template of the 'Who is told' column puts the cell in a string literal, and
        // the table's rows need no fact: they fire as the rule set is built.
        String table = "decision-tables/yj-2024/alert-contacts.drl.xlsx";
        RulesHomeCopy home = RulesHomeCopy.of(temp);
        home.setTableCell(table, "Alert contact: North of England", "Who is told",
                "the director\\u0022)); System.setProperty(\\u0022" + MARKER + "\\u0022, \\u0022cell\\u0022); //");

        Compilation compiled = new DroolsRuleEngine().compile("t",
                List.of(new RuleSource(table, RuleSource.Type.WORKBOOK_TABLE, Files.readAllBytes(home.file(table)))));

        assertThat(System.getProperty(MARKER)).as("the payload ran").isNull();
        assertThat(compiled).isInstanceOf(Compilation.Failed.class);
        assertThat(((Compilation.Failed) compiled).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(table);
            assertThat(problem.cell()).isEqualTo("D11");
            assertThat(problem.message()).contains("Unicode escape (\\u0022)");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "when\n    StandardDefinition(code == %s)\nthen\n", "when\nthen\n    String s = %s;\n" })
    void aTextNestedTooDeeplyIsAProblemNotAStackOverflow(String rule) {
        String nested = "(".repeat(5_000) + "\"2.1\"" + ")".repeat(5_000);
        String drl = HEADER + "rule \"deep\"\n" + rule.formatted(nested) + "end\n";

        Compilation compiled = new DroolsRuleEngine().compile("t", List.of(drl("rules/t/t.drl", drl)));

        assertThat(compiled).isInstanceOf(Compilation.Failed.class);
        assertThat(((Compilation.Failed) compiled).problems())
            .anySatisfy(problem -> assertThat(problem.message()).contains("too deeply"));
    }

    private static RuleSource drl(String path, String text) {
        return new RuleSource(path, RuleSource.Type.DRL, text.getBytes(StandardCharsets.UTF_8));
    }

}
