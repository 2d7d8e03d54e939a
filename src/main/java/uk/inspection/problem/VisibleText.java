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

    /**
     * The first character of the text a reader cannot see or cannot tell what it is: an
     * invisible one as above, or a private-use, unassigned or lone surrogate one; as
     * {@code U+200B (ZERO WIDTH SPACE)}, or null when there is none.
     */
    public static String firstUnseen(String text) {
        return text.codePoints().filter(c -> isInvisible(c) || isUnknown(c)).mapToObj(c -> {
            String name = Character.getName(c);
            return String.format("U+%04X (%s)", c, name == null ? "an unassigned character" : name);
        }).findFirst().orElse(null);
    }

    private static boolean isUnknown(int c) {
        int type = Character.getType(c);
        return type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.SURROGATE;
    }

    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                || type == Character.CONTROL;
    }

}
