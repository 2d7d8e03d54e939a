package uk.inspection.regression;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.problem.StrictJson;
import uk.inspection.ruleset.RuleSet;

/**
 * A corpus of rating requests (JSON Lines, one request a line, as {@code generate-corpus}
 * writes) decided under a baseline and a candidate rule set on several threads. The file
 * is streamed: at most a few batches are read ahead of the threads deciding them, and
 * only the tally is kept ({@link RecordedComparison}), so memory stays flat whatever the
 * corpus's size.
 */
public final class CorpusComparison {

    /** Requests handed to a thread at a time: enough to make the hand-over cheap. */
    private static final int BATCH = 64;

    /**
     * Read as the API reads a body: a duplicate key or trailing text is refused, not
     * guessed.
     */
    private static final ObjectMapper JSON = StrictJson.mapper();

    /** A line that is not JSON: the corpus is wrong, not a request to decide. */
    public static final class UnreadableLine extends Exception {

        public UnreadableLine(Path corpus, long line, String why) {
            super(corpus + " line " + line + " is not JSON: " + why);
        }

    }

    private CorpusComparison() {
    }

    /** The corpus's requests, counted first so that progress is of decisions made. */
    public static long count(Path corpus) throws IOException {
        long requests = 0;
        try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    requests++;
                }
            }
        }
        return requests;
    }

    /**
     * Every request of the corpus decided under both sides on {@code threads} threads,
     * the first {@code keep} changed ones listed (by line, whatever the threads' order);
     * {@code decided} gets the number decided so far, from one thread at a time.
     */
    public static RecordedComparison.Result over(Path corpus, RuleSet baseline, RuleSet candidate, int threads,
            int keep, LongConsumer decided) throws IOException, UnreadableLine, InterruptedException {
        RecordedComparison comparison = new RecordedComparison(baseline, candidate, keep);
        ExecutorService pool = Executors.newFixedThreadPool(threads, CorpusComparison::daemon);
        // Two batches per thread in flight: the threads never wait for the reader, and
        // the reader never runs far ahead of them.
        Semaphore inFlight = new Semaphore(2 * threads);
        List<Future<?>> pending = new ArrayList<>();
        long[] done = { 0 };
        try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            List<Request> batch = new ArrayList<>(BATCH);
            long number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                batch.add(new Request(number, parse(corpus, number, line)));
                if (batch.size() == BATCH) {
                    submit(pool, inFlight, pending, comparison, batch, done, decided);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                submit(pool, inFlight, pending, comparison, batch, done, decided);
            }
            for (Future<?> future : pending) {
                future.get();
            }
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        finally {
            pool.shutdownNow();
        }
        return comparison.result();
    }

    private record Request(long line, JsonNode body) {
    }

    private static JsonNode parse(Path corpus, long number, String line) throws UnreadableLine {
        try {
            return JSON.readTree(line);
        }
        catch (JsonProcessingException e) {
            throw new UnreadableLine(corpus, number, e.getOriginalMessage());
        }
    }

    private static void submit(ExecutorService pool, Semaphore inFlight, List<Future<?>> pending,
            RecordedComparison comparison, List<Request> batch, long[] done, LongConsumer decided)
            throws InterruptedException, ExecutionException {
        inFlight.acquire();
        pending.add(pool.submit(() -> {
            try {
                for (Request request : batch) {
                    comparison.add(request.line(), "line " + request.line(), null, request.body());
                    synchronized (done) {
                        decided.accept(++done[0]);
                    }
                }
            }
            finally {
                inFlight.release();
            }
        }));
        // Finished futures are dropped as the run goes (a failure is raised at once), so
        // the list stays as short as the batches in flight.
        while (!pending.isEmpty() && pending.get(0).isDone()) {
            pending.remove(0).get();
        }
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "compare-corpus");
        thread.setDaemon(true);
        return thread;
    }

}
