package uk.inspection.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A copy of the shipped rules/ and decision-tables/ that a test may edit, as the
 * methodology team would.
 */
public final class RulesHomeCopy {

    private final Path home;

    private RulesHomeCopy(Path home) {
        this.home = home;
    }

    public static RulesHomeCopy of(Path target) throws IOException {
        for (String folder : new String[] { "rules", "decision-tables" }) {
            Path source = Path.of(folder);
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path from : walk.toList()) {
                    Path to = target.resolve(source.relativize(from).toString().isEmpty() ? folder
                            : folder + "/" + source.relativize(from));
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    }
                    else {
                        Files.copy(from, to);
                    }
                }
            }
        }
        return new RulesHomeCopy(target);
    }

    public Path home() {
        return home;
    }

    public Path file(String relative) {
        return home.resolve(relative);
    }

    /**
     * Sets the cell in the row whose first cell reads {@code rowName}, in the column
     * whose header reads {@code column}.
     */
    public void setTableCell(String table, String rowName, String column, Object value) throws IOException {
        Path file = file(table);
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Integer columnIndex = null;
            boolean done = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().equals(column)) {
                        columnIndex = cell.getColumnIndex();
                    }
                }
                Cell first = row.getCell(0);
                if (columnIndex != null && first != null && rowName.equals(first.toString())) {
                    Cell target = row.getCell(columnIndex, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                    if (value instanceof Number number) {
                        target.setCellValue(number.doubleValue());
                    }
                    else {
                        target.setCellValue(String.valueOf(value));
                    }
                    done = true;
                }
            }
            if (!done) {
                throw new IllegalArgumentException("no row '" + rowName + "' with column '" + column + "' in " + table);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

}
