package uk.inspection.engine.drools.allowlist;

/**
 * Drools' {@code modify (fact) { setA(1), setB(2) }} is not Java. Before the allow-list
 * reads a consequence, each such block becomes two calls Java can parse,
 * {@code modify(fact); modify$block(setA(1), setB(2));}, on the same lines, so that what
 * is inside the block is checked like any other code and reported where it was written.
 */
final class ModifyBlocks {

    /** The call that stands for a modify block's contents. */
    static final String BLOCK = "modify$block";

    private static final String KEYWORD = "modify";

    private ModifyBlocks() {
    }

    static String rewrite(String code) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < code.length()) {
            int skipped = skipLiteralOrComment(code, i);
            if (skipped > i) {
                out.append(code, i, skipped);
                i = skipped;
                continue;
            }
            if (code.startsWith(KEYWORD, i) && (i == 0 || !Character.isJavaIdentifierPart(code.charAt(i - 1)))) {
                int open = skipSpace(code, i + KEYWORD.length());
                int close = open < code.length() && code.charAt(open) == '(' ? matching(code, open, '(', ')') : -1;
                int brace = close < 0 ? -1 : skipSpace(code, close + 1);
                if (brace >= 0 && brace < code.length() && code.charAt(brace) == '{') {
                    int end = matching(code, brace, '{', '}');
                    if (end > 0) {
                        out.append(code, i, close + 1)
                            .append(';')
                            .append(code, close + 1, brace)
                            .append(BLOCK)
                            .append('(')
                            .append(code, brace + 1, end)
                            .append(");");
                        i = end + 1;
                        continue;
                    }
                }
            }
            out.append(code.charAt(i));
            i++;
        }
        return out.toString();
    }

    private static int skipSpace(String code, int i) {
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    private static int matching(String code, int open, char opening, char closing) {
        int depth = 0;
        int i = open;
        while (i < code.length()) {
            int skipped = skipLiteralOrComment(code, i);
            if (skipped > i) {
                i = skipped;
                continue;
            }
            char c = code.charAt(i);
            if (c == opening) {
                depth++;
            }
            else if (c == closing && --depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The index after a string, character literal or comment starting at i; else i. */
    private static int skipLiteralOrComment(String code, int i) {
        char c = code.charAt(i);
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (j < code.length() && code.charAt(j) != c) {
                j += code.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(j + 1, code.length());
        }
        if (code.startsWith("//", i)) {
            int end = code.indexOf('\n', i);
            return end < 0 ? code.length() : end;
        }
        if (code.startsWith("/*", i)) {
            int end = code.indexOf("*/", i + 2);
            return end < 0 ? code.length() : end + 2;
        }
        return i;
    }

}
