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
 * that fails is tried again each time.
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
        UnchangedFiles.Translation counting = table -> {
            translations.incrementAndGet();
            return DecisionTableTranslator.translate(table);
        };
        RuleSource first = table("first-" + System.nanoTime());
        DecisionTableTranslator.Translated once = UnchangedFiles.translated(first, counting);
        DecisionTableTranslator.Translated again = UnchangedFiles.translated(copy(first), counting);
        assertThat(again).isSameAs(once);
        assertThat(translations).hasValue(1);

        RuleSource edited = table("edited-" + System.nanoTime());
        assertThat(UnchangedFiles.translated(edited, counting).generated().get(0).drl()).contains("edited-");
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
        for (int i = 0; i < 2; i++) {
            try {
                UnchangedFiles.translated(broken, failing);
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
        String drl = "package p;\nrule \"r\" when then System.exit(" + System.nanoTime() + "); end\n";
        PackageDescr parsed = ParsedDrl.parse("rules/p/p.drl", drl).descr();
        List<LoadProblem> once = UnchangedFiles.refusals("rules/p/p.drl", drl, null, () -> {
            checks.incrementAndGet();
            return Refusals.of("rules/p/p.drl", drl, parsed, null);
        });
        List<LoadProblem> again = UnchangedFiles.refusals("rules/p/p.drl", drl, null, () -> {
            checks.incrementAndGet();
            return Refusals.of("rules/p/p.drl", drl, parsed, null);
        });
        assertThat(once).isNotEmpty().isSameAs(again);
        assertThat(checks).hasValue(1);
    }

    /** Through the engine: each build of an edited table decides by the edit. */
    @Test
    void eachBuildOfAnEditedTableDecidesByTheEdit() {
        for (String detail : List.of("before", "after", "before")) {
            Compilation compiled = new DroolsRuleEngine().compile("cached",
                    List.of(table(detail), new RuleSource("rules/cached/joined.drl", RuleSource.Type.DRL,
                            DRL.getBytes(StandardCharsets.UTF_8))));
            Evaluation.Completed evaluation = (Evaluation.Completed) ((Compilation.Compiled) compiled).rules()
                .evaluate(List.of());
            assertThat(evaluation.outputs(Flag.class)).extracting(Flag::message).containsExactly(detail, detail);
        }
        // A refused edit is refused on every build, kept or not; the file put back
        // builds.
        for (int i = 0; i < 2; i++) {
            Compilation refused = new DroolsRuleEngine().compile("cached", List.of(table("System.exit(0);", "x")));
            assertThat(refused).isInstanceOf(Compilation.Failed.class);
            assertThat(((Compilation.Failed) refused).problems()).extracting(LoadProblem::message)
                .anySatisfy(message -> assertThat(message).contains("the 'Flag' column uses System"));
        }
        assertThat(new DroolsRuleEngine().compile("cached", List.of(table("x"))))
            .isInstanceOf(Compilation.Compiled.class);
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
