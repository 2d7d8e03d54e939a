package uk.inspection.ruleset;

import java.util.Locale;

/**
 * One file of a rule set, with its path relative to the rules home (forward slashes) and
 * its content.
 */
public record RuleFile(String path, byte[] content) {

    public enum Kind {

        MANIFEST, DRL, DECISION_TABLE, TRANSLATION, SKIPPED_TABLE, OTHER

    }

    public static final String MANIFEST_NAME = "framework.yaml";

    public Kind kind() {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.equals(MANIFEST_NAME)) {
            return Kind.MANIFEST;
        }
        if (name.endsWith(TranslationTableReader.SUFFIX)) {
            return Kind.TRANSLATION;
        }
        if (name.endsWith(".drl")) {
            return Kind.DRL;
        }
        if (name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls") || name.endsWith(".drl.csv")) {
            return Kind.DECISION_TABLE;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".csv")) {
            return Kind.SKIPPED_TABLE;
        }
        return Kind.OTHER;
    }

    public boolean isCsv() {
        return path.toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
