package uk.inspection.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Rule changes in the methodology's words. */
class RuleDiffTest {

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    @Test
    void aTableChangeIsGivenPerRowAndCellWithOldAndNewValues() throws Exception {
        byte[] shipped = Files.readAllBytes(Path.of(BANDINGS));
        byte[] edited = Files.readAllBytes(Path.of("src/test/resources/resaved/openpyxl-edit").resolve(BANDINGS));

        var diffs = new RuleDiff().between(Map.of(BANDINGS, shipped), Map.of(BANDINGS, edited));

        assertThat(RuleDiff.lines(diffs)).containsExactly(
                BANDINGS + ", Bandings, row 14 \"Band: Too few\": Share below (%) 65 → 70",
                BANDINGS + ", Bandings, row 15 \"Band: Reasonable majority\": Share from (%) 65 → 70");
        assertThat(diffs.get(0).cells()).extracting(c -> c.cell() + " " + c.before() + "→" + c.after())
            .containsExactly("C14 65→70", "B15 65→70");
    }

    @Test
    void aTableResavedByAnotherToolWithTheSameValuesIsNoChange() throws Exception {
        byte[] shipped = Files.readAllBytes(Path.of(BANDINGS));
        byte[] resaved = Files.readAllBytes(Path.of("src/test/resources/resaved/libreoffice").resolve(BANDINGS));

        assertThat(new RuleDiff().between(Map.of(BANDINGS, shipped), Map.of(BANDINGS, resaved)).get(0).lines())
            .isEmpty();
    }

    @Test
    void aTranslationTableIsShownAsItsCellsRowByRow() throws Exception {
        byte[] table = Files.readAllBytes(Path.of("decision-tables/yj-2024/from-yj-2021.translation.xlsx"));

        assertThat(Workbooks.cells(table)).anyMatch(line -> line.matches("  row \\d+: A\\d+ = Key question \\| B.*"));
    }

    @Test
    void drlIsAUnifiedDiffAndTheManifestIsComparedByKey() {
        var diffs = new RuleDiff().between(
                Map.of("rules/x/a.drl", "rule \"a\"\nwhen\nthen\nend\n".getBytes(), "rules/x/framework.yaml",
                        "standards:\n  - {code: \"2.1\", name: Assessing}\n".getBytes()),
                Map.of("rules/x/a.drl", "rule \"a\"\nwhen\n  eval(true)\nthen\nend\n".getBytes(),
                        "rules/x/framework.yaml", "standards:\n  - {code: \"2.1\", name: Assessment}\n".getBytes()));

        assertThat(RuleDiff.lines(diffs)).contains("+  eval(true)",
                "rules/x/framework.yaml, standards[2.1].name: Assessing → Assessment");
    }

    @Test
    void addedAndRemovedFilesAreSaid() {
        var diffs = new RuleDiff().between(Map.of("rules/x/old.drl", "a".getBytes()),
                Map.of("rules/x/new.drl", "b".getBytes()));

        assertThat(diffs).extracting(FileDiff::change).containsExactly(FileDiff.Change.ADDED, FileDiff.Change.REMOVED);
    }

}
