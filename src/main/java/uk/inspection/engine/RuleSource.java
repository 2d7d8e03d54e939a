package uk.inspection.engine;

import java.util.Objects;

/**
 * One file the engine compiles: its path relative to the rules home (forward slashes),
 * its kind and content.
 */
public record RuleSource(String path, Type type, byte[] content) {

    /** DRL text, or a decision table in a workbook or in CSV. */
    public enum Type {

        DRL, WORKBOOK_TABLE, CSV_TABLE

    }

    public RuleSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type of " + path);
        Objects.requireNonNull(content, "content of " + path);
    }
}
