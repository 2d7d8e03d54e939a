package uk.inspection.engine.drools.allowlist;

import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's class path as Drools sees it while building and running rules, with the
 * names it does not hold remembered. Drools and MVEL look up many names that are not
 * classes (every identifier of a rule, tried against each import; the Java compiler's
 * probes for packages), and under {@code java -jar} each miss searches every nested jar:
 * a third of the build threads' time at start-up was such misses. The class path does not
 * change while the service runs, so a miss stays a miss; what is found is not kept here
 * (the service's class loader keeps its classes). Bounded, so that files full of made-up
 * names cannot fill it.
 */
public final class RememberingClassLoader extends ClassLoader {

    public static final RememberingClassLoader SERVICE = new RememberingClassLoader(
            RememberingClassLoader.class.getClassLoader());

    private static final int MOST_REMEMBERED = 50_000;

    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();

    private final Set<String> missingResources = ConcurrentHashMap.newKeySet();

    static {
        registerAsParallelCapable();
    }

    private RememberingClassLoader(ClassLoader service) {
        super("rules", service);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missingClasses.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        }
        catch (ClassNotFoundException e) {
            remember(missingClasses, name);
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        if (missingResources.contains(name)) {
            return null;
        }
        URL found = super.getResource(name);
        if (found == null) {
            remember(missingResources, name);
        }
        return found;
    }

    private static void remember(Set<String> missing, String name) {
        if (missing.size() < MOST_REMEMBERED) {
            missing.add(name);
        }
    }

    /** For tests: how many misses are remembered. */
    static Map<String, Integer> remembered() {
        return Map.of("classes", SERVICE.missingClasses.size(), "resources", SERVICE.missingResources.size());
    }

}
