package uk.inspection.ruleset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spreadsheet the methodology team owns that re-expresses another framework's
 * inspection in this one's terms ({@code from-<framework>.translation.xlsx}). Each key
 * question row names a key question here and where its answer comes from there:
 * alternatives separated by "or", each a list of key questions joined by "and" that must
 * all be answered yes. Each standard row names a standard here and its counterpart there:
 * the same standard (compared across the two, and a judged one's rating carried over), or
 * none (explored over every rating it may take).
 */
public record TranslationTable(String file, String fromFramework, Map<String, String> settings, List<Row> rows,
        List<StandardRow> standards) {

    public TranslationTable {
        settings = Map.copyOf(settings);
        rows = List.copyOf(rows);
        standards = List.copyOf(standards);
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

    /**
     * One standard of this framework and its counterpart in the other, null when it has
     * none.
     */
    public record StandardRow(int sheetRow, String standard, String counterpart, String why) {
    }

    /**
     * The standards declared the same as a standard of the other framework: this
     * framework's code to the other's.
     */
    public Map<String, String> equivalents() {
        Map<String, String> equivalents = new LinkedHashMap<>();
        standards.stream()
            .filter(s -> s.counterpart() != null)
            .forEach(s -> equivalents.put(s.standard(), s.counterpart()));
        return equivalents;
    }

    /** The standards declared to have no counterpart: explored over their ratings. */
    public List<String> explored() {
        return standards.stream().filter(s -> s.counterpart() == null).map(StandardRow::standard).toList();
    }
}
