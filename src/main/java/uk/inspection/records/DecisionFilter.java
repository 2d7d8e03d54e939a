package uk.inspection.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which records to read: any of framework, service, outcome, client, and a time window
 * (from included, to excluded).
 */
public record DecisionFilter(String framework, String service, String outcome, String client, Instant from,
        Instant to) {

    public static final DecisionFilter ALL = new DecisionFilter(null, null, null, null, null, null);

    /** The same filter, restricted to one client's records. */
    public DecisionFilter forClient(String name) {
        return new DecisionFilter(framework, service, outcome, name, from, to);
    }

    /** The SQL {@code WHERE} clause, its arguments added in order. */
    String where(List<Object> arguments) {
        List<String> conditions = new ArrayList<>();
        condition(conditions, arguments, "framework = ?", framework);
        condition(conditions, arguments, "service = ?", service);
        condition(conditions, arguments, "outcome = ?", outcome);
        condition(conditions, arguments, "client = ?", client);
        condition(conditions, arguments, "recorded_at >= ?", from == null ? null : Timestamp.from(from));
        condition(conditions, arguments, "recorded_at < ?", to == null ? null : Timestamp.from(to));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void condition(List<String> conditions, List<Object> arguments, String sql, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            conditions.add(sql);
            arguments.add(value);
        }
    }
}
