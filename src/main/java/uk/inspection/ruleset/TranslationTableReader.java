package uk.inspection.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import uk.inspection.engine.LoadProblem;

/**
 * Reads a translation spreadsheet: "Setting" rows (name, value) above a header row whose
 * first cell is "Key question", then one row per key question: its code, its sources, and
 * why.
 */
final class TranslationTableReader {

    static final String SUFFIX = ".translation.xlsx";

    private static final Pattern OR = Pattern.compile("\\s+or\\s+", Pattern.CASE_INSENSITIVE);

    private static final Pattern AND = Pattern.compile("\\s+and\\s+|\\s*,\\s*", Pattern.CASE_INSENSITIVE);

    private TranslationTableReader() {
    }

    static TranslationTable read(RuleFile file, Manifest target, List<LoadProblem> problems) {
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        String from = name.startsWith("from-") ? name.substring(5, name.length() - SUFFIX.length()) : null;
        if (from == null || from.isBlank()) {
            problems.add(LoadProblem.inFile(file.path(), "name a translation table from-<framework>" + SUFFIX));
            return null;
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            return parse(file, from, workbook.getSheetAt(0), target, problems);
        }
        catch (IOException | RuntimeException e) {
            problems.add(LoadProblem.inFile(file.path(), "cannot read the translation table: " + e.getMessage()));
            return null;
        }
    }

    private static TranslationTable parse(RuleFile file, String from, Sheet sheet, Manifest target,
            List<LoadProblem> problems) {
        DataFormatter cells = new DataFormatter();
        Map<String, String> settings = new LinkedHashMap<>();
        List<TranslationTable.Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (Row row : sheet) {
            String first = cells.formatCellValue(row.getCell(0)).strip();
            int sheetRow = row.getRowNum() + 1;
            if (!inTable) {
                if (first.equalsIgnoreCase("Setting")) {
                    settings.put(cells.formatCellValue(row.getCell(1)).strip(),
                            cells.formatCellValue(row.getCell(2)).strip());
                }
                inTable = first.equalsIgnoreCase("Key question");
                continue;
            }
            if (first.isEmpty()) {
                break;
            }
            String sources = cells.formatCellValue(row.getCell(1)).strip();
            if (!declared(target, first)) {
                problems.add(new LoadProblem(file.path(), null, sheetRow,
                        "'" + first + "' is not a key question of this framework"));
            }
            else if (sources.isEmpty()) {
                problems.add(new LoadProblem(file.path(), null, sheetRow, first + " has no source key questions"));
            }
            else {
                List<List<String>> alternatives = Arrays.stream(OR.split(sources))
                    .map(alternative -> Arrays.stream(AND.split(alternative)).map(String::strip).toList())
                    .toList();
                rows.add(
                        new TranslationTable.Row(sheetRow, first, alternatives, cells.formatCellValue(row.getCell(2))));
            }
        }
        if (!inTable) {
            problems.add(LoadProblem.inFile(file.path(), "no header row starting 'Key question'"));
        }
        return new TranslationTable(file.path(), from, settings, rows);
    }

    private static boolean declared(Manifest manifest, String keyQuestion) {
        return manifest.standards()
            .stream()
            .flatMap(s -> s.keyQuestions().stream())
            .anyMatch(q -> q.code().equals(keyQuestion));
    }

}
