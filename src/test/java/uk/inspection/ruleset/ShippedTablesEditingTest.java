package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped tables keep Drools' code out of harm's way: the sheet is protected (no
 * password: a guard against slips), the code rows under "RuleTable" are grouped and
 * hidden, every rule cell is unlocked, and rating columns offer the scale as a drop-down.
 * Loading depends on none of it (the re-saved and broken copies have none, and load).
 */
class ShippedTablesEditingTest {

    /**
     * The shipped frameworks' tables; a framework added later is not held to this (its
     * folder must not break the build).
     */
    static Stream<Path> tables() throws Exception {
        try (Stream<Path> walk = Files.walk(Path.of("decision-tables"))) {
            return walk.filter(p -> p.toString().endsWith(".drl.xlsx"))
                .filter(p -> List.of("yj-2018", "yj-2024", "yjb-oversight")
                    .contains(p.getParent().getFileName().toString()))
                .sorted()
                .toList()
                .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("tables")
    void codeRowsAreHiddenAndProtectedWhileRuleCellsAreEditable(Path table) throws Exception {
        DataFormatter text = new DataFormatter();
        try (InputStream in = Files.newInputStream(table); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Cell ruleTable = null;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (text.formatCellValue(cell).toLowerCase().startsWith("ruletable")) {
                        ruleTable = cell;
                    }
                }
            }
            assertThat(ruleTable).as(table + " has a rule table").isNotNull();
            int top = ruleTable.getRowIndex();

            assertThat(sheet.getProtect()).as(table + " protected").isTrue();
            for (int r = top + 1; r <= top + 3; r++) {
                assertThat(sheet.getRow(r).getZeroHeight()).as(table + " code row " + (r + 1) + " hidden").isTrue();
            }
            Row firstRule = sheet.getRow(top + 5);
            for (Cell cell : firstRule) {
                assertThat(cell.getCellStyle().getLocked()).as(table + " " + cell.getAddress() + " editable").isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("tables")
    void ratingColumnsOfferTheScale(Path table) throws Exception {
        try (InputStream in = Files.newInputStream(table); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            List<? extends DataValidation> validations = workbook.getSheetAt(0).getDataValidations();
            boolean holdsRatings = List
                .of("bandings.drl.xlsx", "overall-thresholds.drl.xlsx", "victims-matrix.drl.xlsx")
                .contains(table.getFileName().toString());
            if (holdsRatings) {
                assertThat(validations).as(table + " drop-downs")
                    .anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                        .containsExactly("INADEQUATE", "REQUIRES_IMPROVEMENT", "GOOD", "OUTSTANDING"));
            }
        }
    }

}
