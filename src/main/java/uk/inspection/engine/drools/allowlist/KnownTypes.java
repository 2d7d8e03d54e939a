package uk.inspection.engine.drools.allowlist;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import uk.inspection.engine.RuleFacts;

/**
 * The types a rule file may name, resolved through its imports: the fact classes (public
 * classes of a package marked {@link RuleFacts}), and plain strings, numbers, dates and
 * collections with the few of their methods that neither loop, nor allocate what a rule
 * asks, nor evaluate a pattern. Classes are looked up without being initialised: nothing
 * of a rule file runs here.
 */
final class KnownTypes {

    /** Plain values and collections, by simple name, with the static methods allowed. */
    private static final Map<Class<?>, Set<String>> LIBRARY = Map.ofEntries(
            Map.entry(String.class, Set.of("join", "valueOf")), Map.entry(Integer.class, numberStatics("parseInt")),
            Map.entry(Long.class, numberStatics("parseLong")), Map.entry(Double.class, numberStatics("parseDouble")),
            Map.entry(Boolean.class, Set.of("valueOf", "parseBoolean", "toString")), Map.entry(Number.class, Set.of()),
            Map.entry(Object.class, Set.of()),
            Map.entry(Math.class, Set.of("abs", "min", "max", "round", "floor", "ceil", "signum")),
            Map.entry(Objects.class, Set.of("equals", "isNull", "nonNull", "requireNonNullElse", "toString", "hash")),
            Map.entry(List.class, Set.of("of", "copyOf")), Map.entry(Set.class, Set.of("of", "copyOf")),
            Map.entry(Map.class, Set.of("of", "entry", "copyOf")), Map.entry(Map.Entry.class, Set.of()),
            Map.entry(Collection.class, Set.of()), Map.entry(ArrayList.class, Set.of()),
            Map.entry(HashMap.class, Set.of()), Map.entry(LinkedHashMap.class, Set.of()),
            Map.entry(TreeMap.class, Set.of()), Map.entry(HashSet.class, Set.of()),
            Map.entry(LinkedHashSet.class, Set.of()), Map.entry(TreeSet.class, Set.of()),
            Map.entry(LocalDate.class, Set.of("of")));

    /** The collections a consequence may create, empty. */
    private static final Set<Class<?>> COLLECTIONS = Set.of(ArrayList.class, HashMap.class, LinkedHashMap.class,
            TreeMap.class, HashSet.class, LinkedHashSet.class, TreeSet.class);

    /**
     * Methods that may be called on any value: reading strings, numbers, dates and
     * collections, and adding to a collection. None takes a function, a pattern or a
     * size; none reaches a class, a thread or a resource.
     */
    private static final Set<String> VALUE_METHODS = Set.of("equals", "hashCode", "toString", "compareTo", "length",
            "isEmpty", "isBlank", "charAt", "contains", "startsWith", "endsWith", "indexOf", "lastIndexOf", "substring",
            "toUpperCase", "toLowerCase", "trim", "strip", "equalsIgnoreCase", "concat", "intValue", "longValue",
            "doubleValue", "floatValue", "booleanValue", "size", "containsAll", "get", "add", "addAll", "remove",
            "subList", "getOrDefault", "containsKey", "containsValue", "put", "putAll", "putIfAbsent", "keySet",
            "values", "entrySet", "getKey", "getValue", "plusDays", "minusDays", "plusWeeks", "minusWeeks", "isBefore",
            "isAfter", "isEqual", "getDayOfWeek", "getYear", "getMonthValue", "getDayOfMonth");

    /** The first names of qualified class names: never a fact's property. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "uk");

    private static final Pattern CAPITALISED = Pattern.compile("\\b[A-Z]\\w*\\b");

    private final Map<String, String> explicitImports = new HashMap<>();

    private final List<String> wildcardImports = new ArrayList<>();

    private final Set<String> factMethods = new HashSet<>();

    /**
     * Types for a file with these imports; the fact methods callable are those of every
     * fact class the file's text names.
     */
    KnownTypes(List<String> imports, String text) {
        for (String target : imports) {
            if (target.endsWith(".*")) {
                wildcardImports.add(target.substring(0, target.length() - 2));
            }
            else {
                explicitImports.put(target.substring(target.lastIndexOf('.') + 1), target);
            }
        }
        Matcher names = CAPITALISED.matcher(text);
        while (names.find()) {
            resolve(names.group()).filter(KnownTypes::isFact).ifPresent(this::addFactMethods);
        }
    }

    /** Why an import is refused, if it is. */
    Optional<String> refusedImport(String target) {
        if (target.endsWith(".*")) {
            String pkg = target.substring(0, target.length() - 2);
            return isFactPackage(pkg) || pkg.equals("java.util") || pkg.equals("java.lang") ? Optional.empty()
                    : Optional.of("imports " + target);
        }
        Optional<Class<?>> type = load(target);
        return type.isPresent() && (isFact(type.get()) || LIBRARY.containsKey(type.get())) ? Optional.empty()
                : Optional.of("imports " + target);
    }

    /** A simple or qualified name as a fact class or a plain type, if it is one. */
    Optional<Class<?>> resolve(String name) {
        for (Class<?> library : LIBRARY.keySet()) {
            if (library.getSimpleName().equals(name) || library.getCanonicalName().equals(name)) {
                return Optional.of(library);
            }
        }
        if (name.contains(".")) {
            return load(name).filter(KnownTypes::isFact);
        }
        if (explicitImports.containsKey(name)) {
            return load(explicitImports.get(name)).filter(KnownTypes::isFact);
        }
        for (String pkg : wildcardImports) {
            Optional<Class<?>> found = load(pkg + "." + name).filter(KnownTypes::isFact);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    boolean canCreate(Class<?> type) {
        return isFact(type) || COLLECTIONS.contains(type);
    }

    boolean isCollection(Class<?> type) {
        return COLLECTIONS.contains(type);
    }

    boolean staticMethodAllowed(Class<?> type, String method) {
        if (!isFact(type)) {
            return LIBRARY.getOrDefault(type, Set.of()).contains(method);
        }
        return Arrays.stream(type.getMethods())
            .anyMatch(m -> m.getName().equals(method) && Modifier.isStatic(m.getModifiers())
                    && isFactPackage(m.getDeclaringClass().getPackageName()));
    }

    boolean staticFieldAllowed(Class<?> type, String field) {
        return Arrays.stream(type.getFields())
            .anyMatch(f -> f.getName().equals(field) && Modifier.isStatic(f.getModifiers())
                    && Modifier.isFinal(f.getModifiers()));
    }

    /**
     * A member of a plain value type that rule text may name: a value method, or one of
     * the type's allowed static methods. For the check of the compiled classes.
     */
    static boolean valueMember(Class<?> type, String member) {
        return VALUE_METHODS.contains(member) || LIBRARY.getOrDefault(type, Set.of()).contains(member);
    }

    /** A method that may be called on a value whose type is not known here. */
    boolean valueMethodAllowed(String method) {
        return VALUE_METHODS.contains(method) || factMethods.contains(method);
    }

    /**
     * A property a rule may read by name: MVEL reads {@code a.b} as {@code a.getB()},
     * {@code a.isB()} or {@code a.b()}, so the name must be one of those of a fact
     * class's methods or a plain value method ({@code size}, {@code empty}, {@code key}),
     * never {@code class} or any other method a value happens to have.
     */
    boolean propertyAllowed(String name) {
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return Stream.of(name, "get" + capitalised, "is" + capitalised)
            .anyMatch(method -> VALUE_METHODS.contains(method) || factMethods.contains(method));
    }

    /** A method of a fact class, callable without a receiver in a constraint. */
    boolean factMethod(String method) {
        return factMethods.contains(method);
    }

    static boolean isPackageRoot(String name) {
        return PACKAGE_ROOTS.contains(name);
    }

    static boolean isFact(Class<?> type) {
        return Modifier.isPublic(type.getModifiers()) && isFactPackage(type.getPackageName());
    }

    private void addFactMethods(Class<?> type) {
        for (Method method : type.getMethods()) {
            if (isFactPackage(method.getDeclaringClass().getPackageName())) {
                factMethods.add(method.getName());
            }
        }
    }

    private static boolean isFactPackage(String pkg) {
        return load(pkg + ".package-info").map(info -> info.isAnnotationPresent(RuleFacts.class)).orElse(false);
    }

    /**
     * Through the class loader Drools builds with, which remembers the names the class
     * path does not hold (this file's look-ups of every capitalised word were a fifth of
     * the build threads' samples at start-up before).
     */
    static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, RememberingClassLoader.SERVICE));
        }
        catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Set<String> numberStatics(String parse) {
        return Set.of("valueOf", parse, "compare", "min", "max", "sum", "toString", "isNaN", "isFinite");
    }

}
