package uk.inspection.engine.drools.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * One sheet of a workbook as its cells read, for a workbook that holds no rule table (a
 * translation table) and for showing a workbook's changes: opened as a decision table is
 * ({@link WorkbookReader}: merged regions filled, invisible characters gone), so every
 * reader of a sheet sees the same text, each cell as Excel displays it. Blank cells are
 * left out.
 */
public record SheetCells(String name, List<Text> cells) {

    /**
     * A cell's text, at its row (from 1) and column (from 0), with its address
     * ({@code B3}).
     */
    public record Text(int row, int column, String address, String text) {
    }

    public SheetCells {
        cells = List.copyOf(cells);
    }

    /** The workbook's sheets in order. */
    public static List<SheetCells> read(byte[] workbook) throws IOException {
        DataFormatter formatter = new DataFormatter();
        List<SheetCells> sheets = new ArrayList<>();
        try (Workbook opened = WorkbookReader.open(workbook)) {
            for (Sheet sheet : opened) {
                List<Text> cells = new ArrayList<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String text = formatter.formatCellValue(cell);
                        if (!text.isBlank()) {
                            cells.add(new Text(row.getRowNum() + 1, cell.getColumnIndex(),
                                    cell.getAddress().formatAsString(), text));
                        }
                    }
                }
                sheets.add(new SheetCells(sheet.getSheetName(), cells));
            }
        }
        return sheets;
    }

    /** The text at a row (from 1) and column (from 0), stripped; empty when blank. */
    public String text(int row, int column) {
        return cells.stream()
            .filter(cell -> cell.row() == row && cell.column() == column)
            .map(cell -> cell.text().strip())
            .findFirst()
            .orElse("");
    }

    /** The last row that holds text, or 0 when none does. */
    public int lastRow() {
        return cells.isEmpty() ? 0 : cells.get(cells.size() - 1).row();
    }

}
