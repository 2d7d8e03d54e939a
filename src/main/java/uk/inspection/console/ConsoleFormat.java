package uk.inspection.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How the pages write times and versions ({@code ${@consoleFormat.when(t)}} in a
 * template).
 */
@Component
class ConsoleFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
        .withZone(ZoneOffset.UTC);

    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** A content hash cut to what a person compares: {@code sha256:1a2b3c4d5e6f}. */
    public String version(String version) {
        if (version == null) {
            return "none";
        }
        return version.length() > 19 ? version.substring(0, 19) : version;
    }

    /** An id for an HTML anchor from a file path and a cell address. */
    public String anchor(String file, String cell) {
        return ("cell-" + file + "-" + cell).replaceAll("[^A-Za-z0-9-]", "-");
    }

    /** The anchor of a row, written here so that no template joins strings in SpEL. */
    public String rowAnchor(String file, Integer row) {
        return anchor(file, "row" + row);
    }

}
