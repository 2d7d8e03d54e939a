package uk.inspection.problem;

/**
 * A {@link Failure} thrown where an exception is the natural way out (a lookup inside a
 * controller).
 */
public final class FailureException extends RuntimeException {

    private final transient Failure failure;

    FailureException(Failure failure) {
        super(failure.detail(), null, false, false);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

}
