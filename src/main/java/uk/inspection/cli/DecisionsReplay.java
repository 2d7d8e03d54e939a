package uk.inspection.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.api.FlywayException;
import org.springframework.dao.DataAccessException;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.records.DecisionExport;
import uk.inspection.records.DecisionFilter;
import uk.inspection.records.DecisionRecord;
import uk.inspection.records.DecisionStore;
import uk.inspection.regression.RecordedComparison;
import uk.inspection.ruleset.RuleSet;

/**
 * {@code compare --decisions}: recorded requests, from a JSON Lines export or the records
 * database, re-decided under the baseline and the candidate one at a time (memory stays
 * flat), with progress on standard error: a bar on a terminal, a line per tenth
 * otherwise. The source is opened before any rule set is built, so a wrong one is said at
 * once, in a line.
 */
final class DecisionsReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The user H2 gives the database it creates, the service's default. */
    private static final String H2_USER = "sa";

    /**
     * What was re-decided, and the records left out because they are of another framework
     * than the baseline's, by framework.
     */
    record Replayed(RecordedComparison.Result result, Map<String, Long> otherFrameworks) {

        long skipped() {
            return otherFrameworks.values().stream().mapToLong(Long::longValue).sum();
        }

    }

    /**
     * A source that cannot be read: a missing file, a URL no driver takes, a database
     * that is not there, is down, or is not a records database. Said in one line.
     */
    static final class UnreadableSource extends RuntimeException {

        UnreadableSource(String source, Throwable cause) {
            super("cannot read the decisions at " + source + ": " + firstLine(cause));
        }

        private static String firstLine(Throwable cause) {
            Throwable innermost = cause;
            while (innermost.getCause() != null && innermost.getCause() != innermost) {
                innermost = innermost.getCause();
            }
            String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName()
                    : innermost.getMessage();
            return message.lines().findFirst().orElse(message).strip();
        }

    }

    private final String source;

    private final DecisionStore store;

    private final Progress progress;

    private DecisionsReplay(String source, DecisionStore store, Progress progress) {
        this.source = source;
        this.store = store;
        this.progress = progress;
    }

    /**
     * The export file, or the database at a JDBC URL (an H2 one is only ever read: it is
     * not created where none is, and its user is the service's default unless given).
     */
    static DecisionsReplay open(String source, String user, String password, Progress progress) {
        if (!source.startsWith("jdbc:")) {
            if (!Files.isRegularFile(Path.of(source)) || !Files.isReadable(Path.of(source))) {
                throw new UnreadableSource(source, new IOException("no such file"));
            }
            return new DecisionsReplay(source, null, progress);
        }
        boolean h2 = source.startsWith("jdbc:h2:");
        boolean mayCreate = !h2 || source.startsWith("jdbc:h2:mem:")
                || source.toUpperCase(java.util.Locale.ROOT).contains(";IFEXISTS=");
        String url = mayCreate ? source : source + ";IFEXISTS=TRUE";
        DecisionStore store = DecisionStore.at(url, user == null && h2 ? H2_USER : user,
                password == null && h2 ? "" : password);
        try {
            store.count(DecisionFilter.ALL);
        }
        catch (DataAccessException | FlywayException e) {
            throw new UnreadableSource(source, e);
        }
        return new DecisionsReplay(source, store, progress);
    }

    Replayed run(Instant from, Instant to, RuleSet baseline, RuleSet candidate) {
        RecordedComparison comparison = new RecordedComparison(baseline, candidate, 1_000);
        DecisionFilter window = new DecisionFilter(null, null, null, null, from, to);
        Map<String, Long> others = new TreeMap<>();
        try {
            if (store != null) {
                others.putAll(store.countByFramework(window));
                Long total = others.remove(baseline.id());
                long[] done = { 0 };
                store.stream(new DecisionFilter(baseline.id(), null, null, null, from, to), record -> {
                    add(comparison, record);
                    show(++done[0], total == null ? 1 : total);
                });
            }
            else {
                Path file = Path.of(source);
                long size = Math.max(1, Files.size(file));
                DecisionExport.read(file, window, record -> {
                    if (record.framework().equals(baseline.id())) {
                        add(comparison, record);
                    }
                    else {
                        others.merge(record.framework(), 1L, Long::sum);
                    }
                }, bytes -> show(bytes, size));
            }
        }
        catch (IOException | UncheckedIOException | DataAccessException | FlywayException e) {
            throw new UnreadableSource(source, e);
        }
        show(1, 1);
        progress.done();
        return new Replayed(comparison.result(), others);
    }

    private static void add(RecordedComparison comparison, DecisionRecord record) {
        try {
            comparison.add(record.id(), record.endpoint(), JSON.readTree(record.request()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show(long done, long total) {
        progress.step("compared", done, total);
    }

}
