package uk.inspection.problem;

/**
 * Whether client text says anything: String.isBlank() counts a no-break space or a
 * zero-width space as text, which a reader of the decision would not.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /**
     * True for null, and for text of nothing but spaces of any kind, invisible formatting
     * characters (zero-width spaces, joiners, byte-order marks) and control characters.
     */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(VisibleText::isInvisible);
    }

    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                || type == Character.CONTROL;
    }

}
