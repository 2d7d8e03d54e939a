package uk.inspection.engine.drools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.drools.model.Model;

import uk.inspection.engine.drools.allowlist.RememberingClassLoader;

/**
 * The classes of one compiled rule set, defined from their (checked and rewritten) bytes
 * in a class loader of their own, so that each rule set, and each version of it, has its
 * own classes, and no class of a rule set comes from anywhere else.
 */
final class ModelClasses extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    private ModelClasses(Map<String, byte[]> classes) {
        super("rule-set", RememberingClassLoader.SERVICE);
        this.classes = Map.copyOf(classes);
    }

    /**
     * The rule set's models, made: this runs the code that describes its rules (not its
     * constraints or consequences), so call it inside a budget of rule work.
     */
    static List<Model> models(Map<String, byte[]> classes, Collection<String> models) {
        ModelClasses loader = new ModelClasses(classes);
        List<Model> made = new ArrayList<>();
        for (String model : models) {
            try {
                made.add((Model) loader.loadClass(model).getConstructor().newInstance());
            }
            catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the rule set's model " + model + " cannot be made", e);
            }
        }
        return made;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name.replace('.', '/'));
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

}
