package uk.inspection.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/** The text of a decision table's cells, by sheet row (1-based) and column, as the methodology team sees them. */
final class SheetCells {

    /** One cell: its text and whether it is formatted as a percentage (which Drools would read as a fraction). */
    record Text(String value, boolean percentFormatted) {
        boolean isBlank() {
            return value.isBlank();
        }
    }

    private final List<List<Text>> rows;

    private SheetCells(List<List<Text>> rows) {
        this.rows = rows;
    }

    static SheetCells read(RuleFile file) throws IOException {
        return file.isCsv() ? csv(file) : workbook(file);
    }

    private static SheetCells csv(RuleFile file) {
        List<List<Text>> rows = new ArrayList<>();
        CsvLineParser parser = new CsvLineParser();
        for (String line : new String(file.content(), StandardCharsets.UTF_8).split("\\R", -1)) {
            rows.add(parser.parse(line).stream().map(v -> new Text(String.valueOf(v).strip(), false)).toList());
        }
        return new SheetCells(rows);
    }

    private static SheetCells workbook(RuleFile file) throws IOException {
        List<List<Text>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Text> cells = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    boolean percent = cell != null && cell.getCellStyle().getDataFormatString().contains("%");
                    // Drools reads a percent-formatted number as its raw value (50% as 0.5): so does the analysis.
                    String text = cell == null ? "" : percent && cell.getCellType() == CellType.NUMERIC
                            ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                            : formatter.formatCellValue(cell).strip();
                    cells.add(new Text(text, percent));
                }
                rows.add(cells);
            }
        }
        return new SheetCells(rows);
    }

    int rowCount() {
        return rows.size();
    }

    /** The cell at a 1-based sheet row and 0-based column; blank when there is none. */
    Text at(int row, int column) {
        if (row < 1 || row > rows.size() || column < 0 || column >= rows.get(row - 1).size()) {
            return new Text("", false);
        }
        return rows.get(row - 1).get(column);
    }

    int width(int row) {
        return row < 1 || row > rows.size() ? 0 : rows.get(row - 1).size();
    }
}
