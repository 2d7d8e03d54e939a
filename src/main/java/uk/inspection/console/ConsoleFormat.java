package uk.inspection.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the pages write times and versions ({@code ${@consoleFormat.when(t)}} in a
 * template).
 */
@Component
class ConsoleFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
        .withZone(ZoneOffset.UTC);

    /**
     * Where the inspectorate works: the effective dates people enter and read are its
     * local times (as {@code Ruleset-As-Of} reads a date).
     */
    static final ZoneId INSPECTORATE = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.UK)
        .withZone(INSPECTORATE);

    /**
     * An instant as the service writes it in a message ({@code 2026-04-01T08:00:00Z}).
     */
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** An instant in the inspectorate's local time: {@code 1 April 2026, 09:00 BST}. */
    public String local(Instant at) {
        return at == null ? "" : LOCAL.format(at);
    }

    /**
     * How long until {@code from}, to the minute and in at most two units: "2 days 3
     * hours", "5 hours 10 minutes", "less than a minute" (what the countdown script
     * writes too).
     */
    public String countdown(Instant from, Instant now) {
        Duration left = Duration.between(now, from);
        if (left.toMinutes() < 1) {
            return "less than a minute";
        }
        List<String> parts = new ArrayList<>();
        long[] amounts = { left.toDays(), left.toHoursPart(), left.toMinutesPart() };
        String[] units = { "day", "hour", "minute" };
        for (int i = 0; i < amounts.length && parts.size() < 2; i++) {
            if (amounts[i] > 0) {
                parts.add(amounts[i] + " " + units[i] + (amounts[i] == 1 ? "" : "s"));
            }
            else if (!parts.isEmpty()) {
                break; // "2 days", not "2 days 5 minutes"
            }
        }
        return String.join(" ", parts);
    }

    /**
     * A message of the service's for a person: its instants in local time, its first
     * letter a capital.
     */
    public String forPeople(String message) {
        String local = INSTANT.matcher(message).replaceAll(found -> local(Instant.parse(found.group())));
        return local.isEmpty() ? local : Character.toUpperCase(local.charAt(0)) + local.substring(1);
    }

    /** A content hash cut to what a person compares: {@code sha256:1a2b3c4d5e6f}. */
    public String version(String version) {
        if (version == null) {
            return "none";
        }
        return version.length() > 19 ? version.substring(0, 19) : version;
    }

    /**
     * A code of the service's as words for a person: {@code IMPROVEMENT_PLAN_REQUIRED} as
     * "Improvement plan required", {@code progressUpdate} as "Progress update".
     */
    public String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        if (code.contains(" ")) {
            // already words: a sentence of the rules' own
            return Character.toUpperCase(code.charAt(0)) + code.substring(1);
        }
        String spaced = code.contains("_") ? code.replace('_', ' ') : code.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
        String lower = spaced.toLowerCase(Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** A list of texts in the answer, as a line: "G&L1, SD4". */
    public String texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(t -> texts.add(t.asText()));
        return String.join(", ", texts);
    }

    /** A date as the API writes it ({@code 2025-05-12}) as a person does: 12 May 2025. */
    public String date(String iso) {
        return iso == null || iso.isEmpty() ? "" : DAY.format(LocalDate.parse(iso));
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
