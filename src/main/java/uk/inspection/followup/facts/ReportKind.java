package uk.inspection.followup.facts;

/**
 * A kind of report, as a row of the report-kinds table says: who prepares the action plan
 * answering its recommendations and with whom, where it is published, and how it is
 * followed up.
 */
public record ReportKind(String code, String name, String preparedBy, String preparedByName, String with,
        String publishedOn, String followUp) {
}
