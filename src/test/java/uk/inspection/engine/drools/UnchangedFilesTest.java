package uk.inspection.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.drools.drl.ast.descr.PackageDescr;
import org.junit.jupiter.api.Test;

import uk.inspection.engine.Compilation;
import uk.inspection.engine.Evaluation;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleSource;
import uk.inspection.facts.Flag;
import uk.inspection.engine.drools.allowlist.ParsedDrl;
import uk.inspection.engine.drools.allowlist.Refusals;
import uk.inspection.engine.drools.tables.DecisionTableTranslator;

/**
 * A table or DRL text a build has already read is not read again for the same bytes, and
 * an edit is never hidden by what was kept: the edited file is read afresh, and a file
 * that fails is tried again each time. What is kept is one engine's: another engine reads
 * the same bytes afresh.
 */
class UnchangedFilesTest {

    private static final String TABLE = """
            "RuleSet","cached"
            "Import","uk.inspection.facts.*"
            "RuleTable rows"
            "NAME","ACTION"
            "",""
            "","%s"
            "Rule","Flag"
            "only","%s"
            """;

    private static final String DRL = "package cached;\nimport uk.inspection.facts.*;\n"
            + "rule \"Joined\" when Flag(code == \"ROW\", $d : message) then insert(new Flag(\"SEEN\", $d)); end\n";

    @Test
    void theSameBytesAreTranslatedOnceAndAnEditIsTranslatedAfresh() throws Exception {
        AtomicInteger translations = new AtomicInteger();
        UnchangedFiles.Translation counting = counting(translations);
        UnchangedFiles unchanged = new UnchangedFiles();
        RuleSource first = table("first");
        DecisionTableTranslator.Translated once = unchanged.translated(first, counting);
        DecisionTableTranslator.Translated again = unchanged.translated(copy(first), counting);
        assertThat(again).isSameAs(once);
        assertThat(translations).hasValue(1);

        RuleSource edited = table("edited");
        assertThat(unchanged.translated(edited, counting).generated().get(0).drl()).contains("edited");
        assertThat(translations).hasValue(2);
    }

    @Test
    void anotherEngineKeepsNothingOfThisOnesBuilds() throws Exception {
        AtomicInteger translations = new AtomicInteger();
        UnchangedFiles.Translation counting = counting(translations);
        DecisionTableTranslator.Translated mine = new UnchangedFiles().translated(table("same"), counting);
        DecisionTableTranslator.Translated theirs = new UnchangedFiles().translated(table("same"), counting);

        assertThat(theirs).isNotSameAs(mine);
        assertThat(translations).hasValue(2);
    }

    @Test
    void aTableThatFailsIsNotKept() {
        AtomicInteger attempts = new AtomicInteger();
        UnchangedFiles.Translation failing = table -> {
            attempts.incrementAndGet();
            throw new java.io.IOException("not a workbook");
        };
        RuleSource broken = new RuleSource("t.drl.xlsx", RuleSource.Type.WORKBOOK_TABLE, new byte[] { 1, 2, 3 });
        UnchangedFiles unchanged = new UnchangedFiles();
        for (int i = 0; i < 2; i++) {
            try {
                unchanged.translated(broken, failing);
            }
            catch (java.io.IOException expected) {
                // tried again below
            }
        }
        assertThat(attempts).hasValue(2);
    }

    @Test
    void refusalsAreKeptPerTextAndTheTableItCameFrom() {
        AtomicInteger checks = new AtomicInteger();
        String drl = "package p;\nrule \"r\" when then System.exit(0); end\n";
        PackageDescr parsed = ParsedDrl.parse("rules/p/p.drl", drl).descr();
        UnchangedFiles unchanged = new UnchangedFiles();
        List<LoadProblem> once = unchanged.refusals("rules/p/p.drl", drl, null, () -> {
            checks.incrementAndGet();
            return Refusals.of("rules/p/p.drl", drl, parsed, null);
        });
        List<LoadProblem> again = unchanged.refusals("rules/p/p.drl", drl, null, () -> {
            checks.incrementAndGet();
            return Refusals.of("rules/p/p.drl", drl, parsed, null);
        });
        assertThat(once).isNotEmpty().isSameAs(again);
        assertThat(checks).hasValue(1);
    }

    /**
     * Through one engine, whose builds keep what they read: each build of an edited table
     * decides by the edit.
     */
    @Test
    void eachBuildOfAnEditedTableDecidesByTheEdit() {
        DroolsRuleEngine engine = new DroolsRuleEngine();
        for (String detail : List.of("before", "after", "before")) {
            Compilation compiled = engine.compile("cached",
                    List.of(table(detail), new RuleSource("rules/cached/joined.drl", RuleSource.Type.DRL,
                            DRL.getBytes(StandardCharsets.UTF_8))));
            Evaluation.Completed evaluation = (Evaluation.Completed) ((Compilation.Compiled) compiled).rules()
                .evaluate(List.of());
            assertThat(evaluation.outputs(Flag.class)).extracting(Flag::message).containsExactly(detail, detail);
        }
        // A refused edit is refused on every build, kept or not; the file put back
        // builds.
        for (int i = 0; i < 2; i++) {
            Compilation refused = engine.compile("cached", List.of(table("System.exit(0);", "x")));
            assertThat(refused).isInstanceOf(Compilation.Failed.class);
            assertThat(((Compilation.Failed) refused).problems()).extracting(LoadProblem::message)
                .anySatisfy(message -> assertThat(message).contains("the 'Flag' column uses System"));
        }
        assertThat(engine.compile("cached", List.of(table("x")))).isInstanceOf(Compilation.Compiled.class);
    }

    /** The real translation, counted. */
    private static UnchangedFiles.Translation counting(AtomicInteger translations) {
        return table -> {
            translations.incrementAndGet();
            return DecisionTableTranslator.translate(table);
        };
    }

    private static RuleSource table(String detail) {
        return table("insert(new Flag(\"\"ROW\"\", \"\"$param\"\"));", detail);
    }

    private static RuleSource table(String action, String detail) {
        return new RuleSource("decision-tables/cached/rows.drl.csv", RuleSource.Type.CSV_TABLE,
                TABLE.formatted(action, detail).getBytes(StandardCharsets.UTF_8));
    }

    private static RuleSource copy(RuleSource source) {
        return new RuleSource(source.path(), source.type(), source.content().clone());
    }

}
