package uk.inspection.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start refused for a damaged store, told as what is damaged and what to do, not as a
 * chain of bean creation exceptions.
 */
final class DamagedStoreFailureAnalyzer extends AbstractFailureAnalyzer<DamagedStoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DamagedStoreException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Restore the rule store from a backup, or repair it, then start the service again (docs/operations.md,"
                        + " \"A damaged rule store\").",
                cause);
    }

}
