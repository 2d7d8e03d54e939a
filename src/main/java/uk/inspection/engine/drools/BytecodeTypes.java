package uk.inspection.engine.drools;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.Handle;

/**
 * The types and members {@link BytecodeAllowList} allows, by JVM internal name.
 */
final class BytecodeTypes {

    /** Immutable values and plain collections: any member but {@link #NEVER}. */
    private static final Set<String> VALUES = Set.of("java/lang/String", "java/lang/StringBuilder",
            "java/lang/CharSequence", "java/lang/Integer", "java/lang/Long", "java/lang/Double", "java/lang/Float",
            "java/lang/Short", "java/lang/Byte", "java/lang/Boolean", "java/lang/Character", "java/lang/Number",
            "java/lang/Math", "java/lang/Enum", "java/lang/Comparable", "java/lang/Iterable", "java/lang/Record",
            "java/util/Collection", "java/util/List", "java/util/ArrayList", "java/util/Set", "java/util/HashSet",
            "java/util/LinkedHashSet", "java/util/TreeSet", "java/util/Map", "java/util/Map$Entry", "java/util/HashMap",
            "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/Iterator", "java/util/Objects",
            "java/util/Optional", "java/util/Collections");

    /** Packages of immutable values, whole. */
    private static final Set<String> VALUE_PACKAGES = Set.of("java/time/", "java/math/");

    /**
     * Members refused whatever their owner: waiting on monitors, values read from system
     * properties, and a string as long as one asks.
     */
    private static final Set<String> NEVER = Set.of("wait", "notify", "notifyAll", "getInteger", "getLong",
            "getBoolean", "repeat", "finalize");

    /**
     * {@code Object} is every class's superclass, so its constructor is called by every
     * constructor; of its other members, only the value methods and {@code getClass}:
     * Drools' invokers compare themselves by it, and no member of {@code Class} is
     * allowed.
     */
    private static final Set<String> OBJECT_MEMBERS = Set.of("<init>", "equals", "hashCode", "toString", "getClass");

    private static final Map<String, Boolean> FACTS = new ConcurrentHashMap<>();

    private final Set<String> generated;

    BytecodeTypes(Set<String> generated) {
        this.generated = generated;
    }

    boolean type(String name) {
        return name.equals("java/lang/Object") || generated.contains(name) || isValue(name) || isFact(name)
                || DroolsGlue.type(name);
    }

    boolean member(String owner, String name) {
        if (NEVER.contains(name)) {
            return false;
        }
        if (owner.equals("java/lang/Object")) {
            return OBJECT_MEMBERS.contains(name);
        }
        return generated.contains(owner) || isValue(owner) || isFact(owner) || DroolsGlue.member(owner, name);
    }

    /** The bootstrap of Java's string concatenation ({@code "a" + b}), the only one. */
    boolean stringConcatenation(Handle bootstrap) {
        return bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory");
    }

    private static boolean isValue(String name) {
        return VALUES.contains(name) || VALUE_PACKAGES.stream().anyMatch(name::startsWith);
    }

    private static boolean isFact(String name) {
        return FACTS.computeIfAbsent(name,
                n -> KnownTypes.load(n.replace('/', '.')).map(KnownTypes::isFact).orElse(false));
    }

}
