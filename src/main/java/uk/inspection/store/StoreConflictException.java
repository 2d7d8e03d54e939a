package uk.inspection.store;

/**
 * The branch moved underneath a change (another publish, another replica): nothing was
 * written.
 */
public class StoreConflictException extends Exception {

    StoreConflictException(String message) {
        super(message);
    }

}
