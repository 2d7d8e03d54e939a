package uk.inspection.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.flywaydb.core.Flyway;

/**
 * Decision records in the database, with plain JDBC: written in batches, read by id or
 * filter, purged by age. The schema is migrated (Flyway) on first use rather than at
 * start-up, so the service starts and answers while the database is down.
 */
public class DecisionStore {

    private static final String COLUMNS = "id, recorded_at, kind, framework, ruleset_version, store_commit, service, outcome,"
            + " latency_micros, client, request, response";

    /**
     * The values typed, for an insert from a SELECT (neither PostgreSQL nor H2 will guess
     * a bare parameter's type).
     */
    private static final String TYPED_VALUES = "CAST(? AS VARCHAR(40)), CAST(? AS TIMESTAMP WITH TIME ZONE),"
            + " CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(80)), CAST(? AS VARCHAR(40)),"
            + " CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(100)), CAST(? AS BIGINT), CAST(? AS VARCHAR(200)),"
            + " CAST(? AS TEXT), CAST(? AS TEXT)";

    private static final List<String> H2_COMPATIBILITY = List.of("MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE",
            "DEFAULT_NULL_ORDERING=HIGH");

    private final JdbcTemplate jdbc;

    private final Flyway flyway;

    private final TransactionTemplate transaction;

    private volatile boolean migrated;

    DecisionStore(JdbcTemplate jdbc, Flyway flyway) {
        this.jdbc = jdbc;
        this.flyway = flyway;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /**
     * The records database at a JDBC URL, for the command line
     * ({@code compare --decisions}); an H2 URL gets the compatibility settings the schema
     * needs ({@link #withH2Compatibility}).
     */
    public static DecisionStore at(String url, String user, String password) {
        var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(withH2Compatibility(url), user,
                password);
        return new DecisionStore(new JdbcTemplate(dataSource), Flyway.configure().dataSource(dataSource).load());
    }

    /**
     * An H2 URL with each setting the schema and its queries were written for (the
     * service's own URL sets them all) that it does not set itself: opened without them,
     * a database the service made is read with upper-case names and Flyway fails. So the
     * short {@code jdbc:h2:file:./data/decisions} reads the service's records. Any other
     * URL is returned as it is.
     */
    public static String withH2Compatibility(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        StringBuilder full = new StringBuilder(url);
        String settings = url.toUpperCase(Locale.ROOT);
        for (String setting : H2_COMPATIBILITY) {
            if (!settings.contains(";" + setting.substring(0, setting.indexOf('=') + 1))) {
                full.append(';').append(setting);
            }
        }
        return full.toString();
    }

    /**
     * The schema brought up to date, once; a database that is down fails here and is
     * tried again later. After a failed write it is checked again ({@link #recheck()}),
     * in case the database came back as a new one.
     */
    private JdbcTemplate jdbc() {
        if (!migrated) {
            synchronized (this) {
                if (!migrated) {
                    flyway.migrate();
                    migrated = true;
                }
            }
        }
        return jdbc;
    }

    /**
     * Writes the records; one already there (a replay of the journal after a crash) is
     * left as it is.
     */
    void insert(List<DecisionRecord> records) {
        try {
            write(records);
        }
        catch (RuntimeException e) {
            recheck();
            throw e;
        }
    }

    /** The next use migrates again (an up-to-date schema costs Flyway one query). */
    private void recheck() {
        migrated = false;
    }

    /**
     * One prepared batch in one transaction: committed row by row, the database would
     * write its files once a record.
     */
    private void write(List<DecisionRecord> records) {
        JdbcTemplate jdbc = jdbc();
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(
                "INSERT INTO decision (" + COLUMNS + ") SELECT " + TYPED_VALUES
                        + " WHERE NOT EXISTS (SELECT 1 FROM decision WHERE id = CAST(? AS VARCHAR(40)))",
                records, 500, (statement, record) -> {
                    statement.setString(1, record.id());
                    statement.setTimestamp(2, Timestamp.from(record.recordedAt()));
                    statement.setString(3, record.kind());
                    statement.setString(4, record.framework());
                    statement.setString(5, record.rulesetVersion());
                    statement.setString(6, record.storeCommit());
                    statement.setString(7, record.service());
                    statement.setString(8, record.outcome());
                    statement.setLong(9, record.latencyMicros());
                    statement.setString(10, record.client());
                    statement.setString(11, record.request());
                    statement.setString(12, record.response());
                    statement.setString(13, record.id());
                }));
    }

    /** Whether the database answers (and its schema is up to date). */
    boolean reachable() {
        return jdbc().queryForObject("SELECT 1", Integer.class) != null;
    }

    public Optional<DecisionRecord> find(String id) {
        return jdbc().query("SELECT " + COLUMNS + " FROM decision WHERE id = ?", DecisionStore::record, id)
            .stream()
            .findFirst();
    }

    /** Records matching the filter, newest first, a page at a time. */
    public List<DecisionRecord> list(DecisionFilter filter, int page, int size) {
        List<Object> arguments = new ArrayList<>();
        String where = filter.where(arguments);
        arguments.add(size);
        arguments.add((long) page * size);
        return jdbc().query("SELECT " + COLUMNS + " FROM decision" + where + " ORDER BY recorded_at DESC, id DESC"
                + " LIMIT ? OFFSET ?", DecisionStore::record, arguments.toArray());
    }

    /**
     * Every record matching the filter, oldest first, handed over one at a time: memory
     * stays flat.
     */
    public void stream(DecisionFilter filter, Consumer<DecisionRecord> each) {
        List<Object> arguments = new ArrayList<>();
        String where = filter.where(arguments);
        jdbc().query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM decision" + where + " ORDER BY recorded_at, id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(500);
            for (int i = 0; i < arguments.size(); i++) {
                statement.setObject(i + 1, arguments.get(i));
            }
            return statement;
        }, row -> {
            each.accept(record(row, 0));
        });
    }

    /** How many records match the filter, by framework. */
    public Map<String, Long> countByFramework(DecisionFilter filter) {
        List<Object> arguments = new ArrayList<>();
        String where = filter.where(arguments);
        Map<String, Long> counts = new TreeMap<>();
        jdbc().query("SELECT framework, COUNT(*) AS records FROM decision" + where + " GROUP BY framework", row -> {
            counts.put(row.getString("framework"), row.getLong("records"));
        }, arguments.toArray());
        return counts;
    }

    public long count(DecisionFilter filter) {
        List<Object> arguments = new ArrayList<>();
        String where = filter.where(arguments);
        Long count = jdbc().queryForObject("SELECT COUNT(*) FROM decision" + where, Long.class, arguments.toArray());
        return count == null ? 0 : count;
    }

    /** Deletes the records older than the instant; how many went. */
    int purgeBefore(Instant before) {
        return jdbc().update("DELETE FROM decision WHERE recorded_at < ?", Timestamp.from(before));
    }

    private static DecisionRecord record(ResultSet row, int number) throws SQLException {
        return new DecisionRecord(row.getString("id"), row.getTimestamp("recorded_at").toInstant(),
                row.getString("kind"), row.getString("framework"), row.getString("ruleset_version"),
                row.getString("store_commit"), row.getString("service"), row.getString("outcome"),
                row.getLong("latency_micros"), row.getString("client"), row.getString("request"),
                row.getString("response"));
    }

}
