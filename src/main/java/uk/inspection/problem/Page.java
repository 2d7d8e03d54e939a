package uk.inspection.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of a listing a client asked for: {@code page} from 0, {@code size} from 1 to the
 * listing's most. Anything else is the client's mistake, answered naming the parameter,
 * never quietly read as something else.
 */
public record Page(int page, int size) {

    /** The page asked for, or a failure naming each parameter out of range. */
    public static Page of(int page, int size, int most) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more, not " + page));
        }
        if (size < 1 || size > most) {
            problems.add(new FieldProblem("size", "must be from 1 to " + most + ", not " + size));
        }
        if (!problems.isEmpty()) {
            throw Failure.invalidFacts(problems).exception();
        }
        return new Page(page, size);
    }

    /**
     * The index of the page's first item, in a long: a page and size must not overflow.
     */
    public long from() {
        return (long) page * size;
    }

}
