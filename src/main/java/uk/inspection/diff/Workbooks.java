package uk.inspection.diff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A workbook that holds no rule table (a translation table), shown as its non-blank
 * cells, a line per row.
 */
final class Workbooks {

    private Workbooks() {
    }

    static List<String> cells(byte[] content) throws IOException {
        List<String> lines = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                lines.add(sheet.getSheetName());
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        String value = text.formatCellValue(cell);
                        if (!value.isBlank()) {
                            cells.add(cell.getAddress() + " = " + value);
                        }
                    }
                    if (!cells.isEmpty()) {
                        lines.add("  row " + (row.getRowNum() + 1) + ": " + String.join(" | ", cells));
                    }
                }
            }
        }
        return lines;
    }

}
