package uk.inspection.engine.drools.allowlist;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The types and members {@link BytecodeAllowList} allows, by JVM internal name.
 */
final class BytecodeTypes {

    /**
     * Immutable values and plain collections. Of their members, only those the source
     * allow-list lets rule text call ({@link KnownTypes#valueMember}), and those the
     * compiler calls on its behalf ({@link #COMPILER_MEMBERS}).
     */
    private static final Set<String> VALUES = Set.of("java/lang/String", "java/lang/StringBuilder",
            "java/lang/CharSequence", "java/lang/Integer", "java/lang/Long", "java/lang/Double", "java/lang/Float",
            "java/lang/Short", "java/lang/Byte", "java/lang/Boolean", "java/lang/Character", "java/lang/Number",
            "java/lang/Math", "java/lang/Enum", "java/lang/Comparable", "java/lang/Iterable", "java/lang/Record",
            "java/util/Collection", "java/util/List", "java/util/ArrayList", "java/util/Set", "java/util/HashSet",
            "java/util/LinkedHashSet", "java/util/TreeSet", "java/util/Map", "java/util/Map$Entry", "java/util/HashMap",
            "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/Iterator", "java/util/Objects",
            "java/util/Optional", "java/util/Collections");

    /** Dates, whole as types, their members as above. */
    private static final String DATES = "java/time/";

    /**
     * What javac and ECJ call for rule text that names none of it: string concatenation
     * (ECJ appends to a {@code StringBuilder}), boxing and unboxing, and the boxed
     * booleans.
     */
    private static final Set<String> COMPILER_MEMBERS = Set.of("append", "toString", "valueOf", "intValue", "longValue",
            "doubleValue", "floatValue", "shortValue", "byteValue", "booleanValue", "charValue", "TRUE", "FALSE");

    /**
     * The constructors of values allowed: an empty collection or string builder, and a
     * string builder started from a string (ECJ's concatenation). None that takes a size.
     */
    private static final Set<String> CONSTRUCTORS = Set.of("()V", "(Ljava/lang/String;)V");

    /**
     * Members refused whatever their owner: waiting on monitors, values read from system
     * properties, and a string as long as one asks.
     */
    private static final Set<String> NEVER = Set.of("wait", "notify", "notifyAll", "getInteger", "getLong",
            "getBoolean", "repeat", "finalize");

    /**
     * {@code Object} is every class's superclass, so its constructor is called by every
     * constructor; of its other members, only the value methods and {@code getClass}
     * (which compilers call to check a receiver for null), and no member of {@code Class}
     * is allowed.
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

    /**
     * A member by its owner, name and descriptor (a field's descriptor is not looked at).
     */
    boolean member(String owner, String name, String descriptor) {
        if (NEVER.contains(name)) {
            return false;
        }
        if (DroolsGlue.member(owner, name)) {
            return true;
        }
        if (owner.equals("java/lang/Object")) {
            return OBJECT_MEMBERS.contains(name);
        }
        if (isValue(owner)) {
            return valueMember(owner, name, descriptor);
        }
        return generated.contains(owner) || isFact(owner);
    }

    /**
     * The bootstrap of Java's string concatenation ({@code "a" + b}), the only one, with
     * only its recipe and constant texts or numbers as arguments: a dynamic constant or a
     * method handle there would be resolved, and run, as the call site links.
     */
    boolean stringConcatenation(Handle bootstrap, Object[] arguments) {
        return bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")
                && Arrays.stream(arguments).allMatch(a -> a instanceof String || a instanceof Number);
    }

    /**
     * A constructor reference to one of Drools' built-in accumulate functions
     * ({@code CountAccumulateFunction::new}), which the model passes for {@code count},
     * {@code min}, {@code collectList} and the like: no other lambda or reference.
     */
    boolean accumulateFunction(Handle bootstrap, Object[] arguments) {
        return bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")
                && bootstrap.getName().equals("metafactory") && arguments.length == 3
                && arguments[0] instanceof Type erased && erased.getSort() == Type.METHOD
                && arguments[2] instanceof Type instantiated && instantiated.getSort() == Type.METHOD
                && arguments[1] instanceof Handle made && made.getTag() == Opcodes.H_NEWINVOKESPECIAL
                && made.getOwner().startsWith(DroolsGlue.ACCUMULATORS) && DroolsGlue.type(made.getOwner());
    }

    static boolean isValue(String name) {
        return VALUES.contains(name) || name.startsWith(DATES);
    }

    static boolean isFact(String name) {
        return FACTS.computeIfAbsent(name,
                n -> KnownTypes.load(n.replace('/', '.')).map(KnownTypes::isFact).orElse(false));
    }

    private static boolean valueMember(String owner, String name, String descriptor) {
        if (name.equals("<init>")) {
            return CONSTRUCTORS.contains(descriptor);
        }
        if (COMPILER_MEMBERS.contains(name)) {
            return true;
        }
        Optional<Class<?>> type = KnownTypes.load(owner.replace('/', '.'));
        return type.isPresent() && KnownTypes.valueMember(type.get(), name);
    }

}
