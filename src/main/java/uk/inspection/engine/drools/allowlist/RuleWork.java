package uk.inspection.engine.drools.allowlist;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import uk.inspection.engine.EvaluationLimits;

/**
 * The work the code compiled from rule text may do, counted as it runs. The allow-lists
 * leave a consequence straight-line code over plain values, but straight-line code can
 * still double a value on every line ({@code s = s.concat(s)}, {@code l.addAll(l)}), or
 * search a long text for another; the deadline halts rules only between two firings.
 * {@link BoundedWork} rewrites every class compiled from rule text so that it calls in
 * here:
 * <ul>
 * <li>before each call it makes out of its own classes ({@link #step()}): the evaluation
 * must not have passed its deadline, nor (counted every few steps) allocated more than
 * its memory budget;</li>
 * <li>after each call on a plain value ({@link #sized(Object)}): a text or collection it
 * made may hold at most the limit's characters or elements, so one call never allocates
 * more than a few times that;</li>
 * <li>instead of the calls that grow a collection in place or search one value for
 * another: the same call, checked ({@link #add(Collection, Object)}, ...);</li>
 * <li>before creating an array ({@link #arrayLength(int)}).</li>
 * </ul>
 * Code compiled from rule text runs only inside {@link #begin(EvaluationLimits)}'s scope;
 * a call in here outside one is refused. Public only because the rewritten classes live
 * in class loaders of their own: rule text may not name this class (it is on neither
 * allow-list), and the rewriting comes after both checks.
 */
public final class RuleWork {

    /** Why a rule's code was stopped, with the limit it passed. */
    public static final class Exceeded extends RuntimeException {

        private final boolean spent;

        private Exceeded(String message) {
            this(message, false);
        }

        private Exceeded(String message, boolean spent) {
            super(message, null, false, false);
            this.spent = spent;
        }

        /**
         * The evaluation's budget (time or memory) was spent, by every rule that fired,
         * rather than one value or array passing its limit where it was made.
         */
        public boolean spent() {
            return spent;
        }

    }

    /** Memory is looked at every this many steps: the look costs a call into the JVM. */
    private static final int STEPS_PER_MEMORY_LOOK = 16;

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
        .getThreadMXBean();

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private RuleWork() {
    }

    /**
     * The budget of one evaluation (or one build's firing of rules), on the current
     * thread until closed. {@link #expire()} may be called from another thread.
     */
    public static final class Scope implements AutoCloseable {

        private final int maxValueLength;

        private final long maxAllocatedBytes;

        private final long allocatedAtStart;

        private final Scope outer;

        private volatile boolean expired;

        /** The stop once given: given again at every step after it. */
        private Exceeded stopped;

        private int steps;

        private Scope(EvaluationLimits limits, Scope outer) {
            this.maxValueLength = limits.maxValueLength();
            this.maxAllocatedBytes = limits.maxAllocatedBytes();
            this.allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
            this.outer = outer;
        }

        /** The deadline passed: the next step stops the rule's code. */
        public void expire() {
            expired = true;
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(outer);
            }
        }

    }

    /** A budget for the rules the current thread is about to fire. */
    public static Scope begin(EvaluationLimits limits) {
        Scope scope = new Scope(limits, CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** Called before each call out of a rule's classes. */
    public static void step() {
        Scope scope = scope();
        if (scope.stopped != null) {
            throw scope.stopped;
        }
        if (scope.expired) {
            throw spend(scope, "was stopped at its limits in the middle of a rule");
        }
        if (++scope.steps % STEPS_PER_MEMORY_LOOK == 0) {
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - scope.allocatedAtStart;
            if (allocated > scope.maxAllocatedBytes) {
                throw spend(scope, "allocated more than " + scope.maxAllocatedBytes / (1024 * 1024)
                        + " MiB of memory on one evaluation");
            }
        }
    }

    private static Exceeded spend(Scope scope, String why) {
        scope.stopped = new Exceeded(why, true);
        return scope.stopped;
    }

    private static Exceeded stop(Scope scope, String why) {
        scope.stopped = new Exceeded(why);
        return scope.stopped;
    }

    /**
     * Called with the result of each call on a plain value: a text or collection may not
     * be longer than the limit.
     */
    public static void sized(Object value) {
        long length = length(value);
        int max = scope().maxValueLength;
        if (length > max) {
            throw new Exceeded(
                    "made a value of " + length + " characters or elements, more than the " + max + " a rule may make");
        }
    }

    /** The length of an array a rule creates. */
    public static int arrayLength(int length) {
        int max = scope().maxValueLength;
        if (length > max) {
            throw stop(scope(), "created an array of " + length + " elements, more than the " + max + " a rule may");
        }
        return length;
    }

    public static boolean add(Collection<Object> collection, Object element) {
        boolean changed = collection.add(element);
        sized(collection);
        return changed;
    }

    public static void add(List<Object> list, int index, Object element) {
        list.add(index, element);
        sized(list);
    }

    public static boolean addAll(Collection<Object> collection, Collection<Object> elements) {
        boolean changed = collection.addAll(elements);
        sized(collection);
        return changed;
    }

    public static boolean addAll(List<Object> list, int index, Collection<Object> elements) {
        boolean changed = list.addAll(index, elements);
        sized(list);
        return changed;
    }

    public static Object put(Map<Object, Object> map, Object key, Object value) {
        Object previous = map.put(key, value);
        sized(map);
        return previous;
    }

    public static Object putIfAbsent(Map<Object, Object> map, Object key, Object value) {
        Object previous = map.putIfAbsent(key, value);
        sized(map);
        return previous;
    }

    public static void putAll(Map<Object, Object> map, Map<Object, Object> entries) {
        map.putAll(entries);
        sized(map);
    }

    public static boolean contains(String text, CharSequence sought) {
        searched(text.length(), sought.length());
        return text.contains(sought);
    }

    public static int indexOf(String text, String sought) {
        searched(text.length(), sought.length());
        return text.indexOf(sought);
    }

    public static int indexOf(String text, String sought, int from) {
        searched(text.length(), sought.length());
        return text.indexOf(sought, from);
    }

    public static int lastIndexOf(String text, String sought) {
        searched(text.length(), sought.length());
        return text.lastIndexOf(sought);
    }

    public static int lastIndexOf(String text, String sought, int from) {
        searched(text.length(), sought.length());
        return text.lastIndexOf(sought, from);
    }

    public static boolean containsAll(Collection<Object> collection, Collection<Object> elements) {
        searched(collection.size(), elements.size());
        return collection.containsAll(elements);
    }

    /**
     * A search compares up to the product of the two lengths: no more than one of a value
     * at the limit for a value a quarter as long (a few milliseconds).
     */
    private static void searched(long length, long sought) {
        long max = scope().maxValueLength;
        if (length * sought > max * max / 4) {
            throw stop(scope(), "searched " + length + " characters or elements for " + sought
                    + ", more work than a rule may do in one search");
        }
    }

    private static long length(Object value) {
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return 0;
    }

    private static Scope scope() {
        Scope scope = CURRENT.get();
        if (scope == null) {
            // fail closed: rule code runs only inside an evaluation's budget
            throw new Exceeded("ran outside an evaluation");
        }
        return scope;
    }

}
