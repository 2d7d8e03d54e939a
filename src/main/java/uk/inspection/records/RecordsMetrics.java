package uk.inspection.records;

import java.io.IOException;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The recording queue as metrics: the journal's backlog (bytes written and not yet in the
 * database: it grows while the database is down), the records imported, and the batches
 * the database refused. A backlog that keeps growing is the alert.
 */
@Component
class RecordsMetrics implements MeterBinder {

    private final DecisionJournal journal;

    private final DecisionImporter importer;

    RecordsMetrics(DecisionJournal journal, DecisionImporter importer) {
        this.journal = journal;
        this.importer = importer;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("decisions.journal.backlog", journal, RecordsMetrics::backlog)
            .description("Decision records journalled and not yet imported into the database")
            .baseUnit("bytes")
            .register(meters);
        FunctionCounter.builder("decisions.imported", importer, DecisionImporter::imported)
            .description("Decision records imported into the database since start")
            .register(meters);
        FunctionCounter.builder("decisions.import.failures", importer, DecisionImporter::failures)
            .description("Batches of decision records the database did not take (retried)")
            .register(meters);
    }

    private static double backlog(DecisionJournal journal) {
        try {
            return journal.backlog();
        }
        catch (IOException e) {
            return Double.NaN;
        }
    }

}
