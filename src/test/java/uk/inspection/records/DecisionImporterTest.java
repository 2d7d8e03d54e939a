package uk.inspection.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import uk.inspection.problem.StrictJson;
import uk.inspection.support.Eventually;

/**
 * The importer over a real journal folder and a real database: a line that is not a
 * record, a line torn by a crash, an unreadable checkpoint and a record the database
 * refuses each cost that line at most (kept aside), never the records after it.
 */
class DecisionImporterTest {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private static final RecordsProperties DEFAULTS = limits(null, null);

    @Test
    void garbageATornLineAndALostCheckpointHoldBackNoRecord(@TempDir Path folder) throws Exception {
        DecisionStore store = DecisionStore.at("jdbc:h2:mem:importer;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        try (DecisionJournal journal = new DecisionJournal(folder)) {
            journal.append(line("dec-1", "Northtown YJS"));
            journal.append("this is not json".getBytes(StandardCharsets.UTF_8));
            journal.append(line("dec-2", "Southtown YJS"));
        }
        // the machine stopped in the middle of a line
        Files.writeString(lastSegment(folder), "{\"id\":\"dec-torn\",\"recordedAt\":\"2026-",
                StandardOpenOption.APPEND);

        try (DecisionJournal restarted = new DecisionJournal(folder)) {
            restarted.append(line("dec-3", "Easttown YJS"));
            drain(new DecisionImporter(restarted, store, DEFAULTS));
        }

        assertThat(Stream.of("dec-1", "dec-2", "dec-3").filter(id -> store.find(id).isPresent())).hasSize(3);
        assertThat(store.find("dec-torn")).isEmpty();
        assertThat(Files.readString(folder.resolve(DecisionJournal.QUARANTINE))).contains("this is not json")
            .contains("not a decision record");

        Files.writeString(folder.resolve("imported"), "garbage");
        try (DecisionJournal lost = new DecisionJournal(folder)) {
            lost.append(line("dec-4", "Westtown YJS"));
            drain(new DecisionImporter(lost, store, DEFAULTS));
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
                drain(new DecisionImporter(journal, store, DEFAULTS));
            }

            assertThat(store.find("dec-1")).isPresent();
            assertThat(store.find("dec-2")).isPresent();
            assertThat(store.find("dec-nul")).isEmpty();
            assertThat(Files.readString(journalFolder.resolve(DecisionJournal.QUARANTINE))).contains("dec-nul")
                .contains("refused by the database");
        }
    }

    @Test
    void aBatchHoldsNoMoreBytesThanItsBudget(@TempDir Path folder) throws Exception {
        DecisionStore store = h2("batches");
        try (DecisionJournal journal = new DecisionJournal(folder)) {
            for (int i = 0; i < 10; i++) {
                journal.append(line("dec-" + i, "Northtown YJS", filler(3_000)));
            }
            DecisionImporter importer = new DecisionImporter(journal, store, limits(DataSize.ofKilobytes(4), null));
            List<Integer> batches = new ArrayList<>();
            for (int read = importer.importBatch(); read > 0; read = importer.importBatch()) {
                batches.add(read);
            }
            assertThat(batches).as("records per batch, 3 KB each, within a 4 KB budget").hasSize(10).containsOnly(1);
        }
        assertThat(store.count(new DecisionFilter(null, null, null, null, null, null))).isEqualTo(10);
    }

    @Test
    void aLineOverTheBudgetIsReadAloneAndSmallerOnesTogether(@TempDir Path folder) throws Exception {
        try (DecisionJournal journal = new DecisionJournal(folder)) {
            journal.append(line("dec-a", "Northtown YJS", filler(1_000)));
            journal.append(line("dec-b", "Northtown YJS", filler(1_000)));
            journal.append(line("dec-c", "Northtown YJS", filler(10_000)));
            journal.append(line("dec-d", "Northtown YJS", filler(1_000)));
            List<String> batches = new ArrayList<>();
            for (var batch = journal.read(500, 4096); !batch.isEmpty(); batch = journal.read(500, 4096)) {
                List<String> ids = new ArrayList<>();
                for (DecisionJournal.Entry entry : batch) {
                    ids.add(JSON.readTree(entry.line()).get("id").asText());
                }
                batches.add(String.join(" ", ids));
                journal.imported(batch.get(batch.size() - 1).after());
            }
            assertThat(batches).containsExactly("dec-a dec-b", "dec-c", "dec-d");
            assertThat(journal.backlog()).isZero();
        }
    }

    @Test
    void aRecordOverTheLimitIsStoredWithItsLargePartCutAndADigestOfIt(@TempDir Path folder) throws Exception {
        DecisionStore store = h2("cut");
        String response = filler(20_000);
        DecisionImporter importer;
        try (DecisionJournal journal = new DecisionJournal(folder)) {
            journal.append(line("dec-big", "Northtown YJS", response));
            journal.append(line("dec-small", "Southtown YJS", "{}"));
            importer = new DecisionImporter(journal, store, limits(null, DataSize.ofKilobytes(8)));
            drain(importer);
        }

        DecisionRecord big = store.find("dec-big").orElseThrow();
        JsonNode cut = JSON.readTree(big.response());
        assertThat(cut.at("/cut/sha256").asText()).as(big.response().substring(0, 100))
            .isEqualTo(HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(response.getBytes(StandardCharsets.UTF_8))));
        assertThat(cut.at("/cut/characters").asLong()).isEqualTo(response.length());
        assertThat(big.request()).as("the small part kept").contains("Northtown YJS");
        assertThat(store.find("dec-small").orElseThrow().response()).isEqualTo("{}");
        assertThat(importer.cut()).as("records stored cut").isEqualTo(1);
    }

    @Test
    void anImporterStoppedByAnErrorIsRestartedAndLaterRecordsArrive(@TempDir Path folder) throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        DriverManagerDataSource database = new DriverManagerDataSource(url("restarted"), "sa", "");
        DecisionStore store = new DecisionStore(new JdbcTemplate(database),
                Flyway.configure().dataSource(database).load()) {
            @Override
            void insert(List<DecisionRecord> records) {
                if (failed.compareAndSet(false, true)) {
                    throw new OutOfMemoryError("Java heap space (thrown once by the test)");
                }
                super.insert(records);
            }
        };
        try (DecisionJournal journal = new DecisionJournal(folder)) {
            DecisionImporter importer = new DecisionImporter(journal, store, DEFAULTS);
            importer.start();
            try {
                journal.append(line("dec-1", "Northtown YJS", "{}"));
                Eventually.poll(Duration.ofSeconds(20), failed::get, Boolean::booleanValue);
                journal.append(line("dec-2", "Southtown YJS", "{}"));
                Eventually.poll(Duration.ofSeconds(20),
                        () -> store.find("dec-1").isPresent() && store.find("dec-2").isPresent(),
                        Boolean::booleanValue);
                assertThat(failed).as("the importer met the error").isTrue();
                assertThat(Stream.of("dec-1", "dec-2").filter(id -> store.find(id).isPresent()))
                    .as("records imported after the importer was stopped by an error")
                    .hasSize(2);
                assertThat(importer.restarts()).isEqualTo(1);
            }
            finally {
                importer.stop();
            }
        }
    }

    private static RecordsProperties limits(DataSize batchBytes, DataSize maxRecordSize) {
        return new RecordsProperties(null, null, null, null, batchBytes, maxRecordSize, null, null, null);
    }

    private static DecisionStore h2(String name) {
        return DecisionStore.at(url(name), "sa", "");
    }

    private static String url(String name) {
        return "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    private static String filler(int characters) throws Exception {
        return JSON.writeValueAsString(Map.of("filler", "x".repeat(characters)));
    }

    private static void drain(DecisionImporter importer) throws Exception {
        while (importer.importBatch() > 0) {
            // until the journal is read to its end
        }
    }

    private static byte[] line(String id, String service) throws Exception {
        return line(id, service, "{}");
    }

    private static byte[] line(String id, String service, String response) throws Exception {
        return JSON.writeValueAsBytes(new DecisionRecord(id, Instant.parse("2026-12-02T10:00:00Z"), "RATING", "yj-2024",
                "sha256:abc", null, service, "GOOD", 800, "key:northtown",
                "{\"service\":" + JSON.writeValueAsString(service) + "}", response));
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
