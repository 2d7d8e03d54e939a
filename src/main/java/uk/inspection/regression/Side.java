package uk.inspection.regression;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One side of a comparison: a rules home and, optionally, one framework in it
 * ({@code HOME[:framework]}).
 */
public record Side(Path home, String framework) {

    public static Side parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && !Files.isDirectory(Path.of(spec))) {
            return new Side(Path.of(spec.substring(0, colon)), spec.substring(colon + 1));
        }
        return new Side(Path.of(spec), null);
    }

    @Override
    public String toString() {
        return home + (framework == null ? "" : ":" + framework);
    }
}
