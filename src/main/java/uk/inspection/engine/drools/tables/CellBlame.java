package uk.inspection.engine.drools.tables;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.inspection.engine.DecisionTable;

/**
 * Which cell of a decision table row gave the text Drools could not compile: of the row's
 * condition and action cells whose value appears on the generated line the error points
 * at, the one at (or nearest before) the error's column. The methodology team edits
 * cells, not DRL.
 */
public final class CellBlame {

    /** Drools' parser errors name a position in the generated DRL: {@code Line 13:45}. */
    private static final Pattern POSITION = Pattern.compile("Line (\\d+):(\\d+)");

    public record Blamed(int column, String label, String value) {
    }

    private CellBlame() {
    }

    public static Blamed find(DecisionTableTranslator.Generated generated, int line, int sheetRow, String message) {
        String[] lines = generated.drl().split("\\R", -1);
        Matcher position = POSITION.matcher(message);
        int errorLine = line;
        int errorColumn = Integer.MAX_VALUE;
        boolean positioned = position.find();
        if (positioned) {
            errorLine = Integer.parseInt(position.group(1));
            errorColumn = Integer.parseInt(position.group(2));
        }
        if (errorLine < 1 || errorLine > lines.length) {
            return null;
        }
        String text = lines[errorLine - 1];
        for (DecisionTable table : generated.tables()) {
            for (DecisionTable.Row row : table.rows()) {
                if (row.sheetRow() == sheetRow) {
                    // A constraint error has no position but quotes the expression
                    // ("Unable to Analyse Expression percentage >= sixty-five"): the cell
                    // it quotes is to blame, not the last cell on the rule's line.
                    Blamed quoted = positioned ? null : quoted(table, row, message);
                    return quoted != null ? quoted : nearest(table, row, text, errorColumn);
                }
            }
        }
        return null;
    }

    /** The longest value of the rule's cells that the message quotes. */
    private static Blamed quoted(DecisionTable table, DecisionTable.Row row, String message) {
        Blamed best = null;
        String unspaced = message.replaceAll("\\s", "");
        for (Map.Entry<Integer, String> cell : row.cells().entrySet()) {
            DecisionTable.Column column = ruleColumn(table, cell.getKey());
            String value = cell.getValue();
            // compared without spaces: the executable model quotes the expression in
            // its own spacing ("sixty - five")
            if (column != null && !value.isBlank() && unspaced.contains(value.replaceAll("\\s", ""))
                    && (best == null || value.length() > best.value().length())) {
                best = new Blamed(cell.getKey(), column.label() == null ? column.code() : column.label(), value);
            }
        }
        return best;
    }

    /** The condition or action column at the index, or null. */
    private static DecisionTable.Column ruleColumn(DecisionTable table, int index) {
        return table.columns()
            .stream()
            .filter(c -> c.index() == index)
            .filter(c -> c.kind() == DecisionTable.Kind.CONDITION || c.kind() == DecisionTable.Kind.ACTION)
            .findFirst()
            .orElse(null);
    }

    private static Blamed nearest(DecisionTable table, DecisionTable.Row row, String text, int errorColumn) {
        Blamed best = null;
        int bestAt = -1;
        for (Map.Entry<Integer, String> cell : row.cells().entrySet()) {
            DecisionTable.Column column = table.columns()
                .stream()
                .filter(c -> c.index() == cell.getKey())
                .findFirst()
                .orElse(null);
            if (column == null
                    || (column.kind() != DecisionTable.Kind.CONDITION && column.kind() != DecisionTable.Kind.ACTION)) {
                continue;
            }
            int at = text.indexOf(cell.getValue());
            if (at >= 0 && at <= errorColumn && at > bestAt) {
                best = new Blamed(cell.getKey(), column.label() == null ? column.code() : column.label(),
                        cell.getValue());
                bestAt = at;
            }
        }
        return best;
    }

}
