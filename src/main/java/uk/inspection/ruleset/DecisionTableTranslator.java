package uk.inspection.ruleset;

import java.io.ByteArrayInputStream;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Turns a spreadsheet decision table into DRL with Drools' own spreadsheet compiler. Compiling the
 * table here, rather than leaving it to the KIE builder, means a table that cannot be parsed is
 * reported against its file instead of thrown, and every generated rule can be traced to its row.
 */
final class DecisionTableTranslator {

    private DecisionTableTranslator() {}

    static String toDrl(RuleFile table) {
        InputType type = table.isCsv() ? InputType.CSV : InputType.XLS;
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.content()), type);
    }
}
