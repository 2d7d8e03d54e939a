package uk.inspection.engine.drools.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import uk.inspection.engine.DecisionTable;
import uk.inspection.engine.RuleSource;

/**
 * Decision tables read with Drools' own sheet grammar, from inline tables: no rule set,
 * no compiler.
 */
class DecisionTableTranslatorTest {

    private static final String HEADER = """
            "RuleSet","test"
            "Import","uk.inspection.ratings.facts.*"
            """;

    @Test
    void keywordsInAnyCaseAndOneLetterColumnCodesAreReadAsDroolsReadsThem() throws Exception {
        DecisionTableTranslator.Translated read = csv(HEADER + """
                "ruletable bands"
                "N","C","C","A"
                "","$s : KeyQuestionShare...","$s : KeyQuestionShare...",""
                "","percentage >= $param","percentage < $param","insert(new Flag(""B"", ""$param""));"
                "Rule","From","Below","Band"
                "low","","50","low"
                "high","50","","high"
                """);

        DecisionTable table = read.tables().get(0);
        assertThat(table.columns()).extracting(DecisionTable.Column::kind)
            .containsExactly(DecisionTable.Kind.NAME, DecisionTable.Kind.CONDITION, DecisionTable.Kind.CONDITION,
                    DecisionTable.Kind.ACTION);
        assertThat(table.columns().get(2).pattern()).isEqualTo("$s : KeyQuestionShare");
        assertThat(table.rows()).extracting(DecisionTable.Row::sheetRow).containsExactly(8, 9);
        assertThat(table.rows().get(0).ruleName()).isEqualTo("low");
        assertThat(table.rows().get(1).cell(1)).isEqualTo("50");
        assertThat(table.compiledRules()).isEqualTo(2);
        assertThat(read.rows()).contains(new DecisionTableTranslator.RuleRow("test", "high", 9));
    }

    @Test
    void twoRuleTablesOnOneSheetAreEachRead() throws Exception {
        DecisionTableTranslator.Translated read = csv(HEADER + """
                "RuleTable first"
                "NAME","ACTION"
                "",""
                "","insert(new Flag(""F"", ""$param""));"
                "Rule","Message"
                "one","a"
                "two","b"

                "RuleTable second"
                "NAME","ACTION"
                "",""
                "","insert(new Flag(""S"", ""$param""));"
                "Rule","Message"
                "three","c"
                """);

        assertThat(read.tables()).extracting(DecisionTable::title)
            .containsExactly("RuleTable first", "RuleTable second");
        assertThat(read.tables()).extracting(t -> t.rows().size()).containsExactly(2, 1);
        assertThat(read.tables()).extracting(DecisionTable::compiledRules).containsExactly(2, 1);
    }

    @Test
    void aBlankFirstRuleRowMakesDroolsCountARuleTheRowsDoNotShow() throws Exception {
        DecisionTable table = csv(HEADER + """
                "RuleTable gap"
                "NAME","ACTION"
                "",""
                "","insert(new Flag(""G"", ""$param""));"
                "Rule","Message"
                "",""
                "one","a"
                """).tables().get(0);

        assertThat(table.rows()).hasSize(1);
        assertThat(table.compiledRules()).isEqualTo(2);
    }

    @Test
    void everySheetOfAWorkbookIsReadAndAMergedPatternCellSpansItsColumnsEvenWhenTheFileLeavesItsCellsOut()
            throws Exception {
        Workbook workbook = new XSSFWorkbook();
        for (String name : List.of("First", "Second")) {
            Sheet sheet = workbook.createSheet(name);
            String[][] rows = { { "RuleSet", "test" }, { "Import", "uk.inspection.ratings.facts.*" }, {},
                    { "RuleTable " + name }, { "NAME", "CONDITION", "CONDITION", "ACTION" },
                    { "", "$s : KeyQuestionShare" },
                    { "", "percentage >= $param", "percentage < $param", "insert(new Flag(\"B\", \"$param\"));" },
                    { "Rule", "From", "Below", "Band" }, { "all", "0", "101", "x" } };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            // As openpyxl writes it: the region is declared, the cell C6 inside it is
            // not.
            sheet.addMergedRegion(new CellRangeAddress(5, 5, 1, 2));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        workbook.write(bytes);

        DecisionTableTranslator.Translated read = DecisionTableTranslator
            .translate(new RuleSource("t.drl.xlsx", RuleSource.Type.WORKBOOK_TABLE, bytes.toByteArray()));

        assertThat(read.tables()).extracting(DecisionTable::sheet).containsExactly("First", "Second");
        assertThat(read.tables().get(1).columns().get(2).pattern()).isEqualTo("$s : KeyQuestionShare");
        assertThat(read.generated()).extracting(DecisionTableTranslator.Generated::resourcePath)
            .containsExactly("t.drl.xlsx", "t.drl.xlsx#Second");
        assertThat(read.generated().get(0).drl()).contains("KeyQuestionShare(percentage >= 0, percentage < 101)");
    }

    @Test
    void columnsPastZAreNamedAsASpreadsheetNamesThem() {
        assertThat(DecisionTable.columnName(0)).isEqualTo("A");
        assertThat(DecisionTable.columnName(25)).isEqualTo("Z");
        assertThat(DecisionTable.columnName(26)).isEqualTo("AA");
        assertThat(DecisionTable.columnName(701)).isEqualTo("ZZ");
        assertThat(DecisionTable.columnName(702)).isEqualTo("AAA");
    }

    private static DecisionTableTranslator.Translated csv(String text) throws Exception {
        return DecisionTableTranslator
            .translate(new RuleSource("t.drl.csv", RuleSource.Type.CSV_TABLE, text.getBytes(StandardCharsets.UTF_8)));
    }

}
