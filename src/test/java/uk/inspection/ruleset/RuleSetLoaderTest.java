package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import uk.inspection.engine.LoadProblem;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.support.RulesHomeCopy;

/**
 * Loading mechanism over edited copies of the shipped rules: every problem is located,
 * nothing is skipped silently.
 */
class RuleSetLoaderTest {

    private static final String FRAMEWORK = "yj-2024";

    private static final String TABLES = "decision-tables/yj-2024/";

    @TempDir
    Path temp;

    RulesHomeCopy copy;

    final RuleSetLoader loader = new RuleSetLoader(Clock.systemUTC());

    @BeforeEach
    void copyShippedRules() throws Exception {
        copy = RulesHomeCopy.of(temp);
    }

    @Test
    void drlSyntaxErrorIsReportedWithFileAndLine() throws Exception {
        Path drl = copy.file("rules/yj-2024/domain-two.drl");
        List<String> lines = Files.readAllLines(drl);
        int ruleStart = lines.indexOf("rule \"Domain two: the lowest key question drives the standard\"") + 1;
        int line = lines.indexOf("then") + 2;
        lines.set(line - 1, "    insert(StandardResult.rated(;");
        Files.write(drl, lines);

        List<LoadProblem> problems = failed();

        assertThat(problems).isNotEmpty()
            .allSatisfy(p -> assertThat(p.file()).isEqualTo("rules/yj-2024/domain-two.drl"));
        assertThat(problems).anySatisfy(p -> assertThat(p.line()).isNotNull().isBetween(ruleStart, line));
    }

    @Test
    void badDecisionTableCellIsReportedWithItsSheetRow() throws Exception {
        copy.setTableCell(TABLES + "bandings.drl.xlsx", "Band: Too few", "Share from (%)", "fifty");

        List<LoadProblem> problems = failed();

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(TABLES + "bandings.drl.xlsx");
            assertThat(p.row()).isEqualTo(14);
        });
    }

    @Test
    void tableNamedSoDroolsWouldSkipItIsAnError() throws Exception {
        Files.move(copy.file(TABLES + "bandings.drl.xlsx"), copy.file(TABLES + "bandings.xlsx"));

        assertThat(failed()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(TABLES + "bandings.xlsx");
            assertThat(p.message()).contains(".drl.xlsx");
        });
    }

    @Test
    void spreadsheetWithoutARuleTableIsAnError() throws Exception {
        Files.writeString(copy.file(TABLES + "notes.drl.csv"), "Just a note,,\nwith no rule table,,\n");

        assertThat(failed()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(TABLES + "notes.drl.csv");
            assertThat(p.message()).contains("no rules");
        });
    }

    @Test
    void manifestNamingAnUnknownStandardIsAnError() throws Exception {
        Path manifest = copy.file("rules/yj-2024/framework.yaml");
        Files.writeString(manifest, Files.readString(manifest)
            .replace("[\"2.1\", \"2.2\", \"2.3\", \"V1\"]", "[\"2.1\", \"2.2\", \"2.3\", \"2.4\", \"V1\"]"));

        assertThat(failed()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/yj-2024/framework.yaml");
            assertThat(p.message()).contains("2.4");
        });
    }

    @Test
    void manifestRetiringAKeyQuestionItStillDeclaresIsAnError() throws Exception {
        Files.writeString(copy.file("rules/yj-2024/framework.yaml"), "\nretiredKeyQuestions:\n  \"2.1.1\": \"gone\"\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(failed()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/yj-2024/framework.yaml");
            assertThat(p.message()).isEqualTo("retired key question 2.1.1 is still declared by a standard");
        });
    }

    @Test
    void translationStandardRowsNameAStandardHereAndItsCounterpartOrNone() throws Exception {
        copy.setTableCell(TABLES + "from-yj-2018.translation.xlsx", "V1", "From 2018 standard", "");
        copy.setTableCell(TABLES + "from-yj-2021.translation.xlsx", "V1", "Standard", "V9");

        assertThat(failed()).extracting(LoadProblem::toString)
            .containsExactlyInAnyOrder(
                    TABLES + "from-yj-2018.translation.xlsx:18: V1 needs its counterpart's code, or none when it has"
                            + " none",
                    TABLES + "from-yj-2021.translation.xlsx:18: 'V9' is not a standard of this framework");
    }

    @Test
    void csvDecisionTableLoadsLikeTheSpreadsheet() throws Exception {
        Files.delete(copy.file(TABLES + "bandings.drl.xlsx"));
        Files.copy(Path.of("src/test/resources/tables/bandings.drl.csv"), copy.file(TABLES + "bandings.drl.csv"));

        LoadResult result = loader.load(copy.home(), FRAMEWORK);

        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        RuleSet ruleSet = ((LoadResult.Loaded) result).ruleSet();
        assertThat(ruleSet.sources()).contains(TABLES + "bandings.drl.csv");
    }

    @Test
    void versionIsAContentHashThatChangesWithAnyRuleFile() throws Exception {
        String before = loaded().version();
        assertThat(loaded().version()).isEqualTo(before);

        Files.writeString(copy.file("rules/yj-2024/key-questions.drl"), "\n// a comment\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(before).matches("sha256:[0-9a-f]{64}");
        assertThat(loaded().version()).isNotEqualTo(before);
    }

    @Test
    void anUnreadableTableIsReportedAtItsRelativePathInWords() throws Exception {
        Files.write(copy.file(TABLES + "bandings.drl.xlsx"), new byte[] { 'P', 'K', 3, 4, 0, 0, 1, 2, 3 });

        assertThat(failed()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(TABLES + "bandings.drl.xlsx");
            assertThat(p.message()).contains("not a workbook")
                .doesNotContain(temp.toString(), "Exception", "org.", "java.");
        });
    }

    @Test
    void aFileThatCannotBeReadIsNamedRelativeToTheHome() {
        Path home = temp.toAbsolutePath().normalize();
        LoadProblem problem = ReadFailures.of(home, FRAMEWORK,
                new java.nio.file.AccessDeniedException(home.resolve(TABLES + "bandings.drl.xlsx").toString()));

        assertThat(problem.file()).isEqualTo(TABLES + "bandings.drl.xlsx");
        assertThat(problem.toString()).doesNotContain(home.toString(), "Exception");
    }

    @Test
    void aManifestValueOfTheWrongKindNamesTheFieldNotAClass() throws Exception {
        Path manifest = copy.file("rules/yj-2024/framework.yaml");
        Files.writeString(manifest, "kind: SOMETHING\n" + Files.readString(manifest).replaceFirst("(?m)^kind:.*$", ""));

        assertThat(failed()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/yj-2024/framework.yaml");
            assertThat(p.message()).startsWith("kind").doesNotContain("`", "uk.inspection", "java.");
        });
    }

    private RuleSet loaded() {
        LoadResult result = loader.load(copy.home(), FRAMEWORK);
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).ruleSet();
    }

    private List<LoadProblem> failed() {
        LoadResult result = loader.load(copy.home(), FRAMEWORK);
        assertThat(result).isInstanceOf(LoadResult.Failed.class);
        return ((LoadResult.Failed) result).problems();
    }

}
