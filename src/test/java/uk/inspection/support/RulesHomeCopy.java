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
            copyTree(Path.of(folder), target.resolve(folder));
        }
        return new RulesHomeCopy(target);
    }

    /**
     * A copy of only these frameworks: a service started on it, or a store seeded from
     * it, builds only what the test uses (each framework is seconds of a start on a busy
     * machine).
     */
    public static RulesHomeCopy of(Path target, String... frameworks) throws IOException {
        for (String framework : frameworks) {
            for (String folder : new String[] { "rules", "decision-tables" }) {
                copyTree(Path.of(folder, framework), target.resolve(folder).resolve(framework));
            }
        }
        return new RulesHomeCopy(target);
    }

    /**
     * With the shipped fixtures of the frameworks copied: a store seeded from it then
     * holds them as one seeded from the project does (draft reviews run them, first
     * builds warm up with them).
     */
    public RulesHomeCopy withFixtures() throws IOException {
        try (Stream<Path> frameworks = Files.list(home.resolve("rules"))) {
            for (Path framework : frameworks.toList()) {
                Path fixtures = Path.of("fixtures").resolve(framework.getFileName().toString());
                if (Files.isDirectory(fixtures)) {
                    copyTree(fixtures, home.resolve("fixtures").resolve(framework.getFileName().toString()));
                }
            }
        }
        return this;
    }

    private static void copyTree(Path source, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : walk.toList()) {
                Path copy = to.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(copy);
                }
                else {
                    Files.copy(from, copy);
                }
            }
        }
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
