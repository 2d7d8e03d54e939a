package uk.inspection.store;

import java.io.IOException;

/**
 * The rule store is damaged and the service will not start on it: the message names the
 * damage and how to restore. {@link DamagedStoreFailureAnalyzer} puts it at the end of
 * the log in place of Spring's stack trace.
 */
public final class DamagedStoreException extends IOException {

    private static final long serialVersionUID = 1L;

    DamagedStoreException(String message) {
        super(message);
    }

}
