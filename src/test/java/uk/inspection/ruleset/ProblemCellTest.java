package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.engine.LoadProblem;
import uk.inspection.support.RulesHomeCopy;

/**
 * A value Drools cannot read is blamed on the cell the team typed it in, not on another
 * cell of the same rule: the console marks the problem on that cell.
 */
class ProblemCellTest {

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    @Test
    void textInANumberCellIsBlamedOnThatCell(@TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp);
        copy.setTableCell(BANDINGS, "Band: Reasonable majority", "Share from (%)", "sixty-five");

        LoadResult result = new RuleSetLoader(Clock.systemUTC()).load(copy.home(), "yj-2024");

        assertThat(result).isInstanceOf(LoadResult.Failed.class);
        assertThat(((LoadResult.Failed) result).problems()).isNotEmpty()
            .allSatisfy(problem -> assertThat(problem).extracting(LoadProblem::file, LoadProblem::cell)
                .containsExactly(BANDINGS,
                        address(copy.file(BANDINGS), "Band: Reasonable majority", "Share from (%)")));
    }

    /** Where the edit went, read from the workbook itself. */
    private static String address(Path workbook, String rule, String label) throws Exception {
        try (InputStream in = Files.newInputStream(workbook); Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheetAt(0);
            Integer column = null;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(label)) {
                        column = cell.getColumnIndex();
                    }
                }
                if (column != null && row.getCell(0) != null && rule.equals(row.getCell(0).toString())) {
                    return new CellReference(row.getRowNum(), column).formatAsString(false);
                }
            }
        }
        throw new AssertionError("no " + rule + " / " + label);
    }

}
