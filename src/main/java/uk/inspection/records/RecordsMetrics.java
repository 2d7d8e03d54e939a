package uk.inspection.records;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The recording queue as metrics: the journal's backlog (bytes written and not yet in the
 * database: it grows while the database is down), the records imported, the batches the
 * database refused, the records stored with parts cut, and the importer's restarts. A
 * backlog that keeps growing is the alert (and the {@code decisionBacklog} health
 * component says so past {@code records.backlog-warning}).
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
        Gauge.builder("decisions.journal.backlog", journal, DecisionJournal::backlog)
            .description("Decision records journalled and not yet imported into the database")
            .baseUnit("bytes")
            .register(meters);
        FunctionCounter.builder("decisions.imported", importer, DecisionImporter::imported)
            .description("Decision records imported into the database since start")
            .register(meters);
        FunctionCounter.builder("decisions.import.failures", importer, DecisionImporter::failures)
            .description("Batches of decision records the database did not take (retried)")
            .register(meters);
        FunctionCounter.builder("decisions.import.cut", importer, DecisionImporter::cut)
            .description("Decision records over records.max-record-size, stored with their large parts cut")
            .register(meters);
        FunctionCounter.builder("decisions.importer.restarts", importer, DecisionImporter::restarts)
            .description("Times the importer was stopped by an error (out of memory, say) and started again")
            .register(meters);
    }

}
