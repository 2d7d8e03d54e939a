package uk.inspection.cli;

import java.io.IOException;
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

    private final Progress progress;

    DecisionsReplay(Progress progress) {
        this.progress = progress;
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
        progress.done();
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
        progress.step("compared", done, total);
    }

}
