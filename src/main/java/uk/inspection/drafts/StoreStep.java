package uk.inspection.drafts;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A step that reads or writes the rule store, whose failure to do so is the server's
 * problem (a 500), not a refusal: run where a lambda may not throw {@link IOException}.
 */
@FunctionalInterface
public interface StoreStep<T> {

    T run() throws IOException;

    static <T> T unchecked(StoreStep<T> step) {
        try {
            return step.run();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
