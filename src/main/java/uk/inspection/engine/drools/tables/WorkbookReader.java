package uk.inspection.engine.drools.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Opens a decision-table workbook and makes it read as Excel and LibreOffice display it
 * before Drools parses it. Every cell inside a merged region is made to exist (openpyxl,
 * and so pandas, leave them out, and Drools honours a merged region only for cells that
 * exist); text loses the invisible characters editors add (no-break and zero-width
 * spaces). Percent-formatted numbers are noted, since Drools reads 50% as 0.5.
 */
final class WorkbookReader {

    /** Zero-width characters and byte-order marks: never meant, always invisible. */
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF]");

    /** No-break spaces, which an editor types for a space and Java's trim() keeps. */
    private static final Pattern NO_BREAK_SPACE = Pattern.compile("[\\u00A0\\u2007\\u202F]");

    /**
     * A percent-formatted number: its sheet, row and column (0-based) and the text Drools
     * reads for it.
     */
    record PercentCell(String sheet, int row, int column, String readAs) {
    }

    private WorkbookReader() {
    }

    static Workbook open(byte[] content) throws IOException {
        Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
        for (Sheet sheet : workbook) {
            fillMergedRegions(sheet);
            cleanText(sheet);
        }
        return workbook;
    }

    /** Percent-formatted numeric cells, keyed {@code sheet!row!column}. */
    static Map<String, PercentCell> percentCells(Workbook workbook) {
        Map<String, PercentCell> found = new HashMap<>();
        DataFormatter formatter = new DataFormatter(java.util.Locale.ENGLISH);
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC
                            && cell.getCellStyle().getDataFormatString().contains("%")) {
                        double value = cell.getNumericCellValue();
                        // As Drools' ExcelParser reads it: a fraction as the raw number,
                        // a whole one as displayed.
                        String readAs = value != Math.rint(value) ? String.valueOf(value)
                                : formatter.formatCellValue(cell);
                        found.put(key(sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex()), new PercentCell(
                                sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex(), readAs));
                    }
                }
            }
        }
        return found;
    }

    static String key(String sheet, int row, int column) {
        return sheet + "!" + row + "!" + column;
    }

    private static void fillMergedRegions(Sheet sheet) {
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    if (row.getCell(c) == null) {
                        row.createCell(c, CellType.BLANK);
                    }
                }
            }
        }
    }

    private static void cleanText(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    String text = cell.getStringCellValue();
                    String clean = NO_BREAK_SPACE.matcher(ZERO_WIDTH.matcher(text).replaceAll(""))
                        .replaceAll(" ")
                        .strip();
                    if (!clean.equals(text)) {
                        cell.setCellValue(clean);
                    }
                }
            }
        }
    }

}
