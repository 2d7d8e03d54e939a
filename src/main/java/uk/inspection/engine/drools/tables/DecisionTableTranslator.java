package uk.inspection.engine.drools.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.DRLOutput;
import org.drools.template.model.Package;
import org.drools.template.model.Rule;
import org.drools.template.parser.DataListener;

import uk.inspection.engine.DecisionTable;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleSource;

/**
 * Turns a decision table into DRL with Drools' own sheet parser and listener, as its
 * {@code SpreadsheetCompiler} does, but over every sheet of a workbook (the compiler
 * reads only the first) and keeping what Drools read: each generated rule's sheet row,
 * and each table as a {@link DecisionTable} for the checks. A workbook is normalised
 * first ({@link WorkbookReader}).
 */
public final class DecisionTableTranslator {

    /**
     * The comment Drools' DRL output writes above each generated rule
     * ({@code // rule values at A13,
     * header at A8}): it maps a line of the generated DRL, where the compiler reports an
     * error, back to a sheet row.
     */
    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at [A-Z]+(\\d+)");

    private static final String CSV_SHEET = null;

    /**
     * The DRL generated from one sheet, under the resource path the compiler reports it
     * by.
     */
    public record Generated(String resourcePath, String sheet, String drl, NavigableMap<Integer, Integer> rowsByLine,
            List<DecisionTable> tables) {

        // Immutable: UnchangedFiles keeps a translation for the next build of the
        // same file.
        public Generated {
            rowsByLine = Collections.unmodifiableNavigableMap(new TreeMap<>(rowsByLine));
            tables = List.copyOf(tables);
        }

        /**
         * The sheet row of the generated rule that contains this line of generated DRL,
         * if any.
         */
        public Integer rowAt(int generatedLine) {
            Map.Entry<Integer, Integer> entry = rowsByLine.floorEntry(generatedLine);
            return entry == null ? null : entry.getValue();
        }
    }

    /**
     * Everything read from one table file: DRL per sheet, each generated rule's sheet
     * row, the tables, and cells Drools would misread.
     */
    public record Translated(List<Generated> generated, List<RuleRow> rows, List<DecisionTable> tables,
            List<LoadProblem> problems) {

        public Translated {
            generated = List.copyOf(generated);
            rows = List.copyOf(rows);
            tables = List.copyOf(tables);
            problems = List.copyOf(problems);
        }
    }

    /**
     * A generated rule, by its package and name as it runs, and the sheet row it came
     * from.
     */
    public record RuleRow(String pkg, String rule, int row) {
    }

    private DecisionTableTranslator() {
    }

    public static Translated translate(RuleSource table) throws IOException {
        List<SheetRecorder> sheets = new ArrayList<>();
        Map<String, WorkbookReader.PercentCell> percentCells = Map.of();
        if (table.type() == RuleSource.Type.CSV_TABLE) {
            SheetRecorder recorder = new SheetRecorder(CSV_SHEET);
            InputType.CSV.createParser(recorder).parseFile(new ByteArrayInputStream(table.content()));
            sheets.add(recorder);
        }
        else {
            Workbook workbook = WorkbookReader.open(table.content());
            percentCells = WorkbookReader.percentCells(workbook);
            Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
            for (Sheet sheet : workbook) {
                SheetRecorder recorder = new SheetRecorder(sheet.getSheetName());
                sheets.add(recorder);
                listeners.put(sheet.getSheetName(), List.of(recorder));
            }
            new ExcelParser(listeners).parseWorkbook(workbook);
        }
        List<Generated> generated = new ArrayList<>();
        List<RuleRow> rows = new ArrayList<>();
        List<DecisionTable> tables = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        for (SheetRecorder sheet : sheets) {
            if (!sheet.hasTables()) {
                continue;
            }
            Package model = sheet.getRuleSet();
            for (Rule rule : model.getRules()) {
                rows.add(new RuleRow(model.getName(), ruleName(rule), rule.getSpreadsheetRowNumber()));
            }
            List<DecisionTable> sheetTables = TableReader.read(table.path(), sheet, model, percentCells, problems);
            tables.addAll(sheetTables);
            DRLOutput out = new DRLOutput();
            model.renderDRL(out);
            String resourcePath = generated.isEmpty() ? table.path() : table.path() + "#" + sheet.sheet();
            generated
                .add(new Generated(resourcePath, sheet.sheet(), out.getDRL(), rowsByLine(out.getDRL()), sheetTables));
        }
        return new Translated(generated, rows, tables, problems);
    }

    /** The rule's name as it runs: Drools' model keeps it as the quoted DRL literal. */
    static String ruleName(Rule rule) {
        String name = rule.getName();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\\\"", "\"");
        }
        return name;
    }

    private static TreeMap<Integer, Integer> rowsByLine(String drl) {
        TreeMap<Integer, Integer> rows = new TreeMap<>();
        String[] lines = drl.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher comment = ROW_COMMENT.matcher(lines[i]);
            if (comment.find()) {
                rows.put(i + 1, Integer.parseInt(comment.group(1)));
            }
        }
        return rows;
    }

}
