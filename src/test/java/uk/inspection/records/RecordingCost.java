package uk.inspection.records;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.mockito.Mockito;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

import uk.inspection.decision.DecisionKinds;
import uk.inspection.decision.DecisionPipeline;
import uk.inspection.operations.DecisionMetrics;
import uk.inspection.problem.RequestLimits;
import uk.inspection.problem.StrictJson;
import uk.inspection.ratings.RatingKind;
import uk.inspection.ratings.RatingRequest;
import uk.inspection.ratings.RatingResponse;
import uk.inspection.ruleset.LoadResult;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetLoader;
import uk.inspection.ruleset.RuleSetRegistry;

/**
 * What recording a decision costs, in CPU time: the README's yj-2024 rating (decided once
 * by the shipped rules) answered over and over through {@link Recording} and written as
 * the HTTP layer writes it, at a steady rate, while the real importer thread takes the
 * journal into an H2 database in a file opened as the service opens it. Reported per
 * decision: the request thread answering with recording off, the request thread answering
 * and recording, and the importer thread; recording costs the second less the first, plus
 * the third. CPU time per thread (as {@code CpuTimePerDecision}), because on a shared
 * machine wall time measures the neighbours. A measurement to run by hand
 * (docs/performance.md), never part of the build's tests: it lives here, in the records
 * package, to drive the journal and importer directly. Arguments: decisions per pass
 * (default 10,000) and decisions a second (default 1,000; 0 for as fast as the request
 * thread goes), in bursts every 10 ms.
 */
public final class RecordingCost {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RecordingCost() {
    }

    public static void main(String[] args) throws Exception {
        int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        RatingKind kind = DecisionKinds.installed().of(RatingKind.class);
        RuleSet yj2024 = ((LoadResult.Loaded) new RuleSetLoader(Clock.systemUTC()).load(Path.of("."), "yj-2024"))
            .ruleSet();
        RatingRequest request = JSON.readValue(readmeRequest(), RatingRequest.class);
        RatingResponse response = DecisionPipeline.decide(kind, yj2024, request, RequestLimits.DEFAULTS).orElseThrow();
        Path data = Files.createTempDirectory("recording-cost");
        RecordsProperties records = new RecordsProperties(null, null, null, null, null, null, null, null, null);
        try (HikariDataSource database = new HikariDataSource();
                DecisionJournal journal = new DecisionJournal(data.resolve("journal"))) {
            // As application.properties opens it.
            database.setJdbcUrl("jdbc:h2:file:" + data.resolve("decisions") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            database.setUsername("sa");
            AtomicLong batches = new AtomicLong();
            DecisionStore store = new DecisionStore(new JdbcTemplate(database),
                    Flyway.configure().dataSource(database).load()) {
                @Override
                void insert(List<DecisionRecord> batch) {
                    batches.incrementAndGet();
                    super.insert(batch);
                }
            };
            DecisionImporter importer = new DecisionImporter(journal, store, records);
            DecisionRecorder recorder = new DecisionRecorder(journal, new JournalBacklog(journal, records), JSON,
                    Clock.systemUTC());
            // The store commit's look-up and the decision metrics, the same with
            // recording
            // on or off, are stubbed.
            RuleSetRegistry registry = Mockito.mock(RuleSetRegistry.class, Mockito.withSettings().stubOnly());
            DecisionMetrics metrics = Mockito.mock(DecisionMetrics.class, Mockito.withSettings().stubOnly());
            Recording recording = new Recording(recorder, registry, metrics, JSON);
            Recording notRecording = new Recording(DecisionRecorder.off(), registry, metrics, JSON);
            List<HttpMessageConverter<?>> converters = List.of(new AnswerJsonConverter(),
                    new MappingJackson2HttpMessageConverter(JSON));
            MockHttpServletRequest http = new MockHttpServletRequest("POST", "/api/v1/frameworks/yj-2024/ratings");
            http.setAttribute(Clients.API_KEY_NAME, "northtown");
            importer.start();
            try {
                long importerThread = threadNamed("decision-importer");
                Runnable answerAlone = () -> write(converters,
                        notRecording.answer(kind, request, response, System.nanoTime(), http));
                Runnable answerRecorded = () -> write(converters,
                        recording.answer(kind, request, response, System.nanoTime(), http));
                System.out.printf("%d decisions a pass at %s a second; one answer is %,d bytes%n", decisions,
                        rate == 0 ? "as many as the request thread gives" : String.format("%,d", rate),
                        body(converters, notRecording.answer(kind, request, response, System.nanoTime(), http)).length);
                for (int pass = 0; pass <= 2; pass++) {
                    double alone = paced(answerAlone, decisions, rate) / 1e3 / decisions;
                    long importerBefore = THREADS.getThreadCpuTime(importerThread);
                    long importedBefore = importer.imported();
                    long batchesBefore = batches.get();
                    double recorded = paced(answerRecorded, decisions, rate) / 1e3 / decisions;
                    while (journal.backlog() > 0) {
                        Thread.sleep(10);
                    }
                    long imported = importer.imported() - importedBefore;
                    double importing = (THREADS.getThreadCpuTime(importerThread) - importerBefore) / 1e3 / imported;
                    System.out
                        .printf("%s: answer, recording off %.1f us; answer and record %.1f us (recording +%.1f us);"
                                + " importer %.1f us a record (%d records in %d batches); recording in all %.1f us CPU"
                                + " a decision%n", pass == 0 ? "warm-up" : "pass " + pass, alone, recorded,
                                recorded - alone, importing, imported, batches.get() - batchesBefore,
                                recorded - alone + importing);
                }
            }
            finally {
                importer.stop();
            }
        }
        finally {
            FileSystemUtils.deleteRecursively(data);
        }
        System.out.println("(load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores)");
    }

    /**
     * The CPU time this thread spent running the work this many times, at this many a
     * second (in bursts every 10 ms, the CPU timed around each burst, not the waits).
     */
    private static long paced(Runnable work, int times, int rate) throws InterruptedException {
        int burst = rate == 0 ? times : Math.max(1, rate / 100);
        long cpu = 0;
        long next = System.nanoTime();
        for (int done = 0; done < times;) {
            long started = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < burst && done < times; i++, done++) {
                work.run();
            }
            cpu += THREADS.getCurrentThreadCpuTime() - started;
            next += 10_000_000;
            long wait = next - System.nanoTime();
            if (rate > 0 && wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return cpu;
    }

    /** The answer's body as the HTTP layer writes it: by the first converter that can. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static byte[] body(List<HttpMessageConverter<?>> converters, ResponseEntity<?> answer) {
        Object body = answer.getBody();
        for (HttpMessageConverter converter : converters) {
            if (converter.canWrite(body.getClass(), MediaType.APPLICATION_JSON)) {
                MockHttpOutputMessage out = new MockHttpOutputMessage();
                try {
                    converter.write(body, MediaType.APPLICATION_JSON, out);
                }
                catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return out.getBodyAsBytes();
            }
        }
        throw new IllegalStateException("no converter writes " + body.getClass());
    }

    private static void write(List<HttpMessageConverter<?>> converters, ResponseEntity<?> answer) {
        if (body(converters, answer).length == 0) {
            throw new IllegalStateException("an empty answer");
        }
    }

    private static long threadNamed(String name) {
        return Thread.getAllStackTraces()
            .keySet()
            .stream()
            .filter(thread -> thread.getName().equals(name))
            .findFirst()
            .orElseThrow()
            .getId();
    }

    static String readmeRequest() throws Exception {
        return uk.inspection.support.ReadmeRequest.json();
    }

}
