package uk.inspection.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import uk.inspection.problem.StrictJson;

/**
 * The importer over a real journal folder and a real database: a line that is not a
 * record, a line torn by a crash, an unreadable checkpoint and a record the database
 * refuses each cost that line at most (kept aside), never the records after it.
 */
class DecisionImporterTest {

    private static final ObjectMapper JSON = StrictJson.mapper();

    @Test
    void garbageATornLineAndALostCheckpointHoldBackNoRecord(@TempDir Path folder) throws Exception {
        DecisionStore store = DecisionStore.at("jdbc:h2:mem:importer;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        try (DecisionJournal journal = new DecisionJournal(folder)) {
            journal.append(line("dec-1", "Northtown YJS"));
            journal.append("this is not json");
            journal.append(line("dec-2", "Southtown YJS"));
        }
        // the machine stopped in the middle of a line
        Files.writeString(lastSegment(folder), "{\"id\":\"dec-torn\",\"recordedAt\":\"2026-",
                StandardOpenOption.APPEND);

        try (DecisionJournal restarted = new DecisionJournal(folder)) {
            restarted.append(line("dec-3", "Easttown YJS"));
            drain(new DecisionImporter(restarted, store, JSON, 500));
        }

        assertThat(Stream.of("dec-1", "dec-2", "dec-3").filter(id -> store.find(id).isPresent())).hasSize(3);
        assertThat(store.find("dec-torn")).isEmpty();
        assertThat(Files.readString(folder.resolve(DecisionJournal.QUARANTINE))).contains("this is not json")
            .contains("not a decision record");

        Files.writeString(folder.resolve("imported"), "garbage");
        try (DecisionJournal lost = new DecisionJournal(folder)) {
            lost.append(line("dec-4", "Westtown YJS"));
            drain(new DecisionImporter(lost, store, JSON, 500));
        }
        assertThat(store.count(new DecisionFilter(null, null, null, null, null, null)))
            .as("every record once, the checkpoint lost or not")
            .isEqualTo(4);
    }

    @Test
    void aRecordPostgresRefusesIsKeptAsideAndTheRestOfItsBatchImported(@TempDir Path folder) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("pg")).start()) {
            DecisionStore store = DecisionStore.at(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            Path journalFolder = folder.resolve("journal");
            try (DecisionJournal journal = new DecisionJournal(journalFolder)) {
                journal.append(line("dec-1", "Northtown YJS"));
                // PostgreSQL's text holds no NUL (requests with one are refused now; a
                // journal written before that, or by hand, may still have one)
                journal.append(line("dec-nul", "Nul\u0000here"));
                journal.append(line("dec-2", "Southtown YJS"));
                drain(new DecisionImporter(journal, store, JSON, 500));
            }

            assertThat(store.find("dec-1")).isPresent();
            assertThat(store.find("dec-2")).isPresent();
            assertThat(store.find("dec-nul")).isEmpty();
            assertThat(Files.readString(journalFolder.resolve(DecisionJournal.QUARANTINE))).contains("dec-nul")
                .contains("refused by the database");
        }
    }

    private static void drain(DecisionImporter importer) throws Exception {
        while (importer.importBatch() > 0) {
            // until the journal is read to its end
        }
    }

    private static String line(String id, String service) throws Exception {
        return JSON.writeValueAsString(new DecisionRecord(id, Instant.parse("2026-12-02T10:00:00Z"),
                DecisionRecord.Kind.RATING, "yj-2024", "sha256:abc", null, service, "GOOD", 800, "key:northtown",
                "{\"service\":" + JSON.writeValueAsString(service) + "}", "{}"));
    }

    private static Path lastSegment(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> segments = files.filter(p -> p.getFileName().toString().matches("\\d{12}\\.jsonl"))
                .sorted()
                .toList();
            return segments.get(segments.size() - 1);
        }
    }

}
