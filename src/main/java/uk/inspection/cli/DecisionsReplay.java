package uk.inspection.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.records.DecisionExport;
import uk.inspection.records.DecisionFilter;
import uk.inspection.records.DecisionStore;
import uk.inspection.regression.RecordedComparison;
import uk.inspection.ruleset.RuleSet;

/**
 * {@code compare --decisions}: recorded requests, from a JSON Lines export or the records
 * database, re-decided under the baseline and the candidate one at a time (memory stays
 * flat), with progress on standard error: a bar on a terminal, a line per tenth
 * otherwise.
 */
final class DecisionsReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter progress;

    private final boolean terminal;

    private int shownTenth = -1;

    DecisionsReplay(PrintWriter progress, boolean terminal) {
        this.progress = progress;
        this.terminal = terminal;
    }

    RecordedComparison.Result run(String source, String user, String password, Instant from, Instant to,
            RuleSet baseline, RuleSet candidate) throws IOException {
        RecordedComparison comparison = new RecordedComparison(baseline, candidate, 1_000);
        DecisionFilter filter = new DecisionFilter(baseline.id(), null, null, null, from, to);
        if (source.startsWith("jdbc:")) {
            DecisionStore store = DecisionStore.at(source, user, password);
            long total = store.count(filter);
            long[] done = { 0 };
            store.stream(filter, record -> {
                add(comparison, record);
                show(++done[0], total);
            });
        }
        else {
            Path file = Path.of(source);
            long size = Math.max(1, Files.size(file));
            DecisionExport.read(file, filter, record -> add(comparison, record), bytes -> show(bytes, size));
        }
        show(1, 1);
        if (terminal) {
            progress.println();
        }
        progress.flush();
        return comparison.result();
    }

    private static void add(RecordedComparison comparison, uk.inspection.records.DecisionRecord record) {
        try {
            comparison.add(record.id(), record.endpoint(), JSON.readTree(record.request()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show(long done, long total) {
        int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
        if (terminal) {
            int width = 40;
            int filled = percent * width / 100;
            progress.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + percent + "%");
            progress.flush();
        }
        else if (percent / 10 > shownTenth) {
            shownTenth = percent / 10;
            progress.println("compared " + percent + "%");
            progress.flush();
        }
    }

}
