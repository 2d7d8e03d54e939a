package uk.inspection.engine.drools.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.drools.decisiontable.parser.DefaultRuleSheetListener;

/**
 * Drools' own sheet listener, recording every cell it is given and where each rule table
 * starts, so the table can be read afterwards exactly as Drools read it (the values after
 * Drools' own number formatting, merged regions resolved as its parser resolves them).
 */
final class SheetRecorder extends DefaultRuleSheetListener {

    /**
     * A non-blank cell as the parser passed it: trimmed text, and the first column of its
     * merged region (or -1).
     */
    record Recorded(String text, int mergedFrom) {
    }

    private final String sheet;

    /** 0-based row → 0-based column → cell. */
    private final TreeMap<Integer, TreeMap<Integer, Recorded>> cells = new TreeMap<>();

    /** {row, column} of each "RuleTable" cell, 0-based, in sheet order. */
    private final List<int[]> tableStarts = new ArrayList<>();

    SheetRecorder(String sheet) {
        this.sheet = sheet;
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        if (value != null && !value.isBlank()) {
            cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, new Recorded(value.trim(), mergedColStart));
        }
        super.newCell(row, column, value, mergedColStart);
    }

    @Override
    protected void preInitRuleTable(int row, int column, String value) {
        tableStarts.add(new int[] { row, column });
    }

    String sheet() {
        return sheet;
    }

    boolean hasTables() {
        return !tableStarts.isEmpty();
    }

    List<int[]> tableStarts() {
        return tableStarts;
    }

    TreeMap<Integer, TreeMap<Integer, Recorded>> cells() {
        return cells;
    }

    Recorded cell(int row, int column) {
        TreeMap<Integer, Recorded> inRow = cells.get(row);
        return inRow == null ? null : inRow.get(column);
    }

}
