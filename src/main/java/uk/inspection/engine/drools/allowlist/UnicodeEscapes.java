package uk.inspection.engine.drools.allowlist;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.drools.tables.DecisionTableTranslator;

/**
 * Unicode escapes in rule text, refused outright. The Java compiler replaces
 * {@code \u005cu000a} by the character it names before it reads anything else, inside
 * comments and string literals too; every other reader of the text (Drools' parser, the
 * allow-list's JavaParser, a person reading a diff) sees the six characters. So an escape
 * can turn a comment or a string into code only the compiler sees. Nothing in this domain
 * needs one: the character itself can be written.
 */
public final class UnicodeEscapes {

    static final String REFUSAL = "a Unicode escape (%s) is not allowed: the Java compiler reads it as the character it stands"
            + " for, even inside a comment or a string, so it can hide code from every other reader; write the"
            + " character itself";

    /**
     * A backslash and a u, whatever follows: the compiler takes any number of u's and a
     * backslash that is itself escaped is no escape, but none of that is worth telling
     * apart here.
     */
    private static final Pattern ESCAPE = Pattern.compile("\\\\u+[0-9A-Fa-f]{0,4}");

    private UnicodeEscapes() {
    }

    /** Each escape in {@code text}: its 1-based line and the escape as written. */
    record Escape(int line, String text) {
    }

    static List<Escape> in(String text) {
        List<Escape> escapes = new ArrayList<>();
        Matcher escape = ESCAPE.matcher(text);
        int line = 1;
        int counted = 0;
        while (escape.find()) {
            line += lineBreaks(text, counted, escape.start());
            counted = escape.start();
            escapes.add(new Escape(line, escape.group()));
        }
        return escapes;
    }

    /** Line breaks as Java and Drools count them: CR LF, LF or CR alone. */
    private static int lineBreaks(String text, int from, int to) {
        int breaks = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }

    /**
     * The escapes of one DRL text as problems: a DRL file's at its lines, a decision
     * table's at the cell whose text holds the escape.
     */
    public static List<LoadProblem> refusals(String path, String drl, DecisionTableTranslator.Generated table) {
        return in(drl).stream()
            .map(escape -> Refusals.at(path, table, escape.line(), "\\u", null, REFUSAL.formatted(escape.text())))
            .distinct()
            .toList();
    }

}
