package uk.inspection.records;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Moves journalled decisions into the database, off the request path: a batch at a time
 * (bounded by lines and by bytes; each line read as it is, its request and response
 * neither parsed nor written again), inserted as one prepared batch in one transaction,
 * the journal's checkpoint moved only once the batch is committed. When the database is
 * slow or down it waits and tries again, longer each time, while the journal holds
 * everything; stopped by any error, even out of memory, it starts again after a pause; a
 * record too large is stored cut ({@link RecordCut}); on a graceful shutdown it drains
 * what it can before it stops.
 */
final class DecisionImporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DecisionImporter.class);

    private static final Duration DRAIN = Duration.ofSeconds(20);

    private final DecisionJournal journal;

    private final DecisionStore store;

    private final int batch;

    private final long batchBytes;

    private final long intervalMillis;

    private final RecordCut cut;

    private final AtomicLong imported = new AtomicLong();

    private final AtomicLong failures = new AtomicLong();

    private final AtomicLong quarantined = new AtomicLong();

    private final AtomicLong restarts = new AtomicLong();

    /**
     * What the importer waits on between batches, woken when the service stops: not the
     * lock an import holds.
     */
    private final Object signal = new Object();

    private volatile boolean running;

    private Thread thread;

    DecisionImporter(DecisionJournal journal, DecisionStore store, RecordsProperties records) {
        this.journal = journal;
        this.store = store;
        this.batch = records.batch();
        this.batchBytes = records.batchBytes().toBytes();
        this.intervalMillis = records.importInterval().toMillis();
        this.cut = new RecordCut(records.maxRecordSize().toBytes());
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "decision-importer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long backoff = 100;
        while (running) {
            try {
                int read = importBatch();
                backoff = 100;
                // Less than a batch waiting: the journal fills for a while, so that a
                // commit (the database writing its pages) and a checkpoint serve many
                // records, not each one; a backlog is taken without a pause.
                if (read < batch && journal.backlog() < batchBytes) {
                    pause(intervalMillis);
                }
            }
            catch (VirtualMachineError e) {
                // Out of memory, say: the batch's memory went with its frames; start
                // again after a pause rather than leave every later record behind.
                restarts.incrementAndGet();
                log.error("The decision importer stopped ({}); restarting it in {} ms", e.toString(), backoff);
                pause(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
            catch (Throwable e) {
                // Anything a driver throws, even an AssertionError (pgjdbc asserts on a
                // connection closed under it): the importer must outlive the database.
                if (failures.incrementAndGet() % 20 == 1) {
                    log.warn("Cannot write decision records to the database ({}); they wait in the journal",
                            e.toString());
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** Waits until the service stops or the time is up. */
    private void pause(long millis) {
        synchronized (signal) {
            if (running) {
                try {
                    signal.wait(millis);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** One batch from the journal into the database; how many records it held. */
    synchronized int importBatch() throws IOException {
        List<DecisionJournal.Entry> entries = journal.read(batch, batchBytes);
        if (entries.isEmpty()) {
            return 0;
        }
        // Each record beside its line (not a map keyed by the record: that would hash
        // every request and response).
        List<DecisionRecord> records = new ArrayList<>(entries.size());
        List<String> lines = new ArrayList<>(entries.size());
        for (DecisionJournal.Entry entry : entries) {
            try {
                records.add(cut.within(RecordLine.read(entry.line())));
                lines.add(entry.line());
            }
            catch (IOException | RuntimeException e) {
                quarantine(entry.line(), "not a decision record: " + e.getMessage());
            }
        }
        try {
            store.insert(records);
        }
        catch (DataIntegrityViolationException refused) {
            // A record the database will not take (a value its columns refuse) must not
            // hold back every record after it: each is tried alone, and the refused kept
            // aside.
            for (int i = 0; i < records.size(); i++) {
                try {
                    store.insert(List.of(records.get(i)));
                }
                catch (DataIntegrityViolationException e) {
                    quarantine(lines.get(i), "refused by the database: " + e.getMostSpecificCause().getMessage());
                }
            }
        }
        journal.imported(entries.get(entries.size() - 1).after());
        imported.addAndGet(records.size());
        return entries.size();
    }

    private void quarantine(String line, String reason) throws IOException {
        journal.quarantine(line, reason);
        quarantined.incrementAndGet();
        log.error("A journalled decision could not be imported and was kept in {} ({})", DecisionJournal.QUARANTINE,
                reason);
    }

    /**
     * Journal lines kept aside since the start: not records, or refused by the database.
     */
    long quarantined() {
        return quarantined.get();
    }

    /** Records stored with parts cut since the start. */
    long cut() {
        return cut.count();
    }

    /** Times the importer was stopped by an error and started again. */
    long restarts() {
        return restarts.get();
    }

    long imported() {
        return imported.get();
    }

    /** Batches that could not be written to the database (each retried). */
    long failures() {
        return failures.get();
    }

    @Override
    public void stop() {
        // Woken, never interrupted: an interrupt inside H2's file I/O closes the whole
        // database (its file channel is closed under it), and the drain below then fails.
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(1_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long deadline = System.nanoTime() + DRAIN.toNanos();
        try {
            while (importBatch() > 0 && System.nanoTime() < deadline) {
                // draining: what is left stays in the journal for the next start
            }
        }
        catch (Exception | AssertionError e) {
            log.warn("Decision records left in the journal for the next start: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the web server has stopped taking requests, so the drain sees every
     * decision.
     */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

}
