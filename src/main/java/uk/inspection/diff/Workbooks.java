package uk.inspection.diff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.inspection.engine.drools.tables.SheetCells;

/**
 * A workbook that holds no rule table (a translation table), shown as its non-blank
 * cells, a line per row.
 */
final class Workbooks {

    private Workbooks() {
    }

    static List<String> cells(byte[] content) throws IOException {
        List<String> lines = new ArrayList<>();
        for (SheetCells sheet : SheetCells.read(content)) {
            lines.add(sheet.name());
            Map<Integer, List<String>> rows = new LinkedHashMap<>();
            sheet.cells()
                .forEach(cell -> rows.computeIfAbsent(cell.row(), row -> new ArrayList<>())
                    .add(cell.address() + " = " + cell.text()));
            rows.forEach((row, cells) -> lines.add("  row " + row + ": " + String.join(" | ", cells)));
        }
        return lines;
    }

}
