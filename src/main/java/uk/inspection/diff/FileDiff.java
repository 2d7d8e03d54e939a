package uk.inspection.diff;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How one file differs between two versions of a framework, in the methodology's words: a
 * line per change ({@code lines}), and for decision tables each changed cell with its old
 * and new value side by side ({@code cells}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FileDiff(String path, Change change, List<String> lines, List<CellChange> cells) {

    public FileDiff {
        lines = List.copyOf(lines);
        cells = List.copyOf(cells);
    }

    public enum Change {

        ADDED, REMOVED, CHANGED

    }

    /**
     * A table cell that changed, was added (old null) or removed (new null): its sheet,
     * sheet row, the rule's name, the column's label and the cell's address.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellChange(String sheet, int row, String rule, String column, String cell, String before,
            String after) {
    }
}
