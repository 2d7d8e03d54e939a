package uk.inspection.ruleset;

import java.util.List;
import java.util.Map;

/**
 * A spreadsheet the methodology team owns that re-expresses another framework's per-case
 * answers as this framework's key questions ({@code from-<framework>.translation.xlsx}).
 * Each row names a key question here and where its answer comes from there: alternatives
 * separated by "or", each a list of key questions joined by "and" that must all be
 * answered yes.
 */
public record TranslationTable(String file, String fromFramework, Map<String, String> settings, List<Row> rows) {

    public TranslationTable {
        settings = Map.copyOf(settings);
        rows = List.copyOf(rows);
    }

    /**
     * One target key question, its sources (alternatives of conjunctions) and the stated
     * reason.
     */
    public record Row(int sheetRow, String keyQuestion, List<List<String>> alternatives, String why) {
        public Row {
            alternatives = alternatives.stream().map(List::copyOf).toList();
        }
    }
}
