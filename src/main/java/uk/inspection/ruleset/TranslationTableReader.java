package uk.inspection.ruleset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.drools.tables.SheetCells;

/**
 * Reads a translation spreadsheet: "Setting" rows (name, value); a section under a header
 * row whose first cell is "Key question", one row per key question (its code, its
 * sources, why); and optionally a section under a header row whose first cell is
 * "Standard", one row per standard (its code, its counterpart's code or "none", why). A
 * blank first cell ends a section. The sheet is read as a decision table's is
 * ({@link SheetCells}).
 */
final class TranslationTableReader {

    static final String SUFFIX = ".translation.xlsx";

    /** What a standard row's counterpart cell says when the standard has none. */
    static final String NONE = "none";

    private static final Pattern OR = Pattern.compile("\\s+or\\s+", Pattern.CASE_INSENSITIVE);

    private static final Pattern AND = Pattern.compile("\\s+and\\s+|\\s*,\\s*", Pattern.CASE_INSENSITIVE);

    private enum Section {

        NONE, KEY_QUESTIONS, STANDARDS

    }

    private final RuleFile file;

    private final Manifest target;

    private final List<LoadProblem> problems;

    private final Map<String, String> settings = new LinkedHashMap<>();

    private final List<TranslationTable.Row> rows = new ArrayList<>();

    private final List<TranslationTable.StandardRow> standards = new ArrayList<>();

    private TranslationTableReader(RuleFile file, Manifest target, List<LoadProblem> problems) {
        this.file = file;
        this.target = target;
        this.problems = problems;
    }

    static TranslationTable read(RuleFile file, Manifest target, List<LoadProblem> problems) {
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        String from = name.startsWith("from-") ? name.substring(5, name.length() - SUFFIX.length()) : null;
        if (from == null || from.isBlank()) {
            problems.add(LoadProblem.inFile(file.path(), "name a translation table from-<framework>" + SUFFIX));
            return null;
        }
        try {
            List<SheetCells> sheets = SheetCells.read(file.content());
            if (sheets.isEmpty()) {
                problems.add(LoadProblem.inFile(file.path(), "cannot read the translation table: it has no sheet"));
                return null;
            }
            return new TranslationTableReader(file, target, problems).parse(from, sheets.get(0));
        }
        catch (IOException | RuntimeException e) {
            problems.add(LoadProblem.inFile(file.path(), "cannot read the translation table: " + e.getMessage()));
            return null;
        }
    }

    private TranslationTable parse(String from, SheetCells sheet) {
        Section section = Section.NONE;
        boolean keyQuestionHeader = false;
        // By index: a row never typed in is absent from the sheet, and ends a section
        // too.
        for (int row = 1; row <= sheet.lastRow(); row++) {
            String first = sheet.text(row, 0);
            if (first.equalsIgnoreCase("Key question") || first.equalsIgnoreCase("Standard")) {
                section = first.equalsIgnoreCase("Standard") ? Section.STANDARDS : Section.KEY_QUESTIONS;
                keyQuestionHeader |= section == Section.KEY_QUESTIONS;
            }
            else if (first.isEmpty()) {
                section = Section.NONE;
            }
            else if (section == Section.KEY_QUESTIONS) {
                keyQuestion(sheet, row, first);
            }
            else if (section == Section.STANDARDS) {
                standard(sheet, row, first);
            }
            else if (first.equalsIgnoreCase("Setting")) {
                settings.put(sheet.text(row, 1), sheet.text(row, 2));
            }
        }
        if (!keyQuestionHeader) {
            problems.add(LoadProblem.inFile(file.path(), "no header row starting 'Key question'"));
        }
        return new TranslationTable(file.path(), from, settings, rows, standards);
    }

    private void keyQuestion(SheetCells sheet, int row, String code) {
        String sources = sheet.text(row, 1);
        if (!declared(code)) {
            problem(row, "'" + code + "' is not a key question of this framework");
        }
        else if (sources.isEmpty()) {
            problem(row, code + " has no source key questions");
        }
        else {
            List<List<String>> alternatives = Arrays.stream(OR.split(sources))
                .map(alternative -> Arrays.stream(AND.split(alternative)).map(String::strip).toList())
                .toList();
            rows.add(new TranslationTable.Row(row, code, alternatives, sheet.text(row, 2)));
        }
    }

    private void standard(SheetCells sheet, int row, String code) {
        String counterpart = sheet.text(row, 1);
        if (target.standard(code).isEmpty()) {
            problem(row, "'" + code + "' is not a standard of this framework");
        }
        else if (standards.stream().anyMatch(s -> s.standard().equals(code))) {
            problem(row, "standard " + code + " is listed twice");
        }
        else if (counterpart.isEmpty()) {
            problem(row, code + " needs its counterpart's code, or " + NONE + " when it has none");
        }
        else {
            standards.add(new TranslationTable.StandardRow(row, code,
                    counterpart.equalsIgnoreCase(NONE) ? null : counterpart, sheet.text(row, 2)));
        }
    }

    private void problem(int row, String message) {
        problems.add(new LoadProblem(file.path(), null, row, message));
    }

    private boolean declared(String keyQuestion) {
        return target.standards()
            .stream()
            .flatMap(s -> s.keyQuestions().stream())
            .anyMatch(q -> q.code().equals(keyQuestion));
    }

}
