package uk.inspection.engine.drools;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Whether a value can be shared by every request without one request's rules changing
 * what another sees: strings, numbers, booleans, characters, enums, {@code java.time}
 * values, and records and unmodifiable collections ({@code List.of}, {@code List.copyOf},
 * {@code Stream.toList} and the like) made only of those. Anything else, a mutable list
 * or a class with setters, is not: a rule may add to a list it matched.
 */
final class ImmutableValues {

    /** Deeper than any fact the rules insert; a deeper value is treated as mutable. */
    private static final int MAX_DEPTH = 8;

    private ImmutableValues() {
    }

    static boolean isImmutable(Object value) {
        return isImmutable(value, 0);
    }

    private static boolean isImmutable(Object value, int depth) {
        if (value == null) {
            return true;
        }
        if (depth > MAX_DEPTH) {
            return false;
        }
        Class<?> type = value.getClass();
        if (value instanceof String || value instanceof Boolean || value instanceof Character || value instanceof Enum
                || isPlainNumber(type) || (type.getName().startsWith("java.time.") && !type.isInterface())) {
            return true;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!isImmutable(read(component, value), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (isUnmodifiable(type)) {
            if (value instanceof Collection<?> collection) {
                return collection.stream().allMatch(element -> isImmutable(element, depth + 1));
            }
            if (value instanceof Map<?, ?> map) {
                return map.entrySet()
                    .stream()
                    .allMatch(entry -> isImmutable(entry.getKey(), depth + 1)
                            && isImmutable(entry.getValue(), depth + 1));
            }
        }
        return false;
    }

    /** The JDK's own immutable numbers, not a subclass that could add state. */
    private static boolean isPlainNumber(Class<?> type) {
        return type == Integer.class || type == Long.class || type == Double.class || type == Float.class
                || type == Short.class || type == Byte.class || type == java.math.BigDecimal.class
                || type == java.math.BigInteger.class;
    }

    /**
     * The JDK's unmodifiable collections: {@code List.of} and its kin, and the empty and
     * singleton ones of {@code Collections}. ({@code Collections.unmodifiableList} is not
     * here: whoever holds the list it wraps can still change it.)
     */
    private static boolean isUnmodifiable(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.util.ImmutableCollections$") || name.startsWith("java.util.Collections$Empty")
                || name.startsWith("java.util.Collections$Singleton");
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            // An accessor that cannot be read, or throws, says nothing about the value.
            return new Object();
        }
    }

}
