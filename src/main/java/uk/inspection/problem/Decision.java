package uk.inspection.problem;

/** What deciding a request gave: the decision, or the failure that stopped it. */
public sealed interface Decision<T> {

    record Decided<T>(T value) implements Decision<T> {
    }

    record Refused<T>(Failure failure) implements Decision<T> {
    }

    static <T> Decision<T> decided(T value) {
        return new Decided<>(value);
    }

    static <T> Decision<T> refused(Failure failure) {
        return new Refused<>(failure);
    }

    /**
     * Decides; when the rules ran away, decides once more and gives that: one runaway
     * verdict may be a cold or busy JVM rather than the rules.
     */
    static <T> Decision<T> confirmed(java.util.function.Supplier<Decision<T>> decide) {
        Decision<T> decision = decide.get();
        return decision instanceof Refused<T> refused && refused.failure().isRunaway() ? decide.get() : decision;
    }

    /** Decides further with what was decided; a failure stays the failure. */
    default <R> Decision<R> then(java.util.function.Function<T, Decision<R>> next) {
        if (this instanceof Decided<T> decided) {
            return next.apply(decided.value());
        }
        return new Refused<>(((Refused<T>) this).failure());
    }

    /** The decision, or the failure thrown for the caller's problem handling. */
    default T orElseThrow() {
        if (this instanceof Decided<T> decided) {
            return decided.value();
        }
        throw ((Refused<T>) this).failure().exception();
    }

}
