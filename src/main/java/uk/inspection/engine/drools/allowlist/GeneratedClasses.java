package uk.inspection.engine.drools.allowlist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.drools.drl.ast.descr.RuleDescr;
import org.drools.model.Consequence;
import org.drools.model.Model;
import org.drools.model.Rule;
import org.drools.model.functions.IntrospectableLambda;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.drools.tables.DecisionTableTranslator;

/**
 * The second layer of the allow-list, independent of any parser: every class the
 * executable model compiled for a rule set (the model that describes its rules, each
 * constraint and each consequence as a class of its own) is read as bytecode, and each
 * type and member it references must be one {@link BytecodeAllowList} allows. Whatever
 * the rule text looked like to the source checks, and whatever Drools' translation of it
 * to Java made of it, code that reaches {@code System}, reflection, threads, I/O or the
 * network is refused here before any of it is loaded, and named at the rule it was
 * compiled from.
 */
public final class GeneratedClasses {

    private GeneratedClasses() {
    }

    /**
     * What the allow-list refuses of the classes, by internal name, and of the models to
     * be made of them (by binary name).
     */
    public static List<LoadProblem> check(Map<String, byte[]> classes, List<String> models, List<ParsedDrl> parsed,
            Map<String, DecisionTableTranslator.Generated> generatedByPath) {
        Set<String> generated = classes.keySet();
        Set<LoadProblem> problems = new LinkedHashSet<>();
        // A rule set's classes are its own: a name the service's class path already
        // holds would pass calls to that class (java.lang.System) as calls to the rule
        // set's, and load as the class path's, not as the bytes checked. Never so for
        // the executable model's names; only for compiled rules edited on disk.
        generated.stream()
            .filter(name -> KnownTypes.load(name.replace('/', '.')).isPresent())
            .forEach(name -> problems
                .add(LoadProblem.inFile("(rule set)", "a compiled class is named as the service's own class "
                        + name.replace('/', '.') + " (compiled rules changed on disk?)")));
        // a model is made as the rule set is built: it must be one of the classes read
        models.stream()
            .filter(model -> !generated.contains(model.replace('.', '/')))
            .forEach(model -> problems.add(LoadProblem.inFile("(rule set)", "the model " + model
                    + " is not one of the rule set's compiled classes (compiled rules changed on disk?)")));
        if (!problems.isEmpty()) {
            return List.copyOf(problems);
        }
        Rules rules = new Rules(parsed, classes);
        classes.forEach((name, bytes) -> {
            List<String> refused = BytecodeAllowList.refusals(new ClassReader(bytes), generated);
            if (!refused.isEmpty()) {
                problems.add(rules.problem(name, refused, generatedByPath));
            }
        });
        return List.copyOf(problems);
    }

    /**
     * Every class rewritten ({@link BoundedWork}), after {@link #check} found nothing to
     * refuse and before any is loaded.
     */
    public static Map<String, byte[]> bound(Map<String, byte[]> classes) {
        Map<String, byte[]> bounded = new TreeMap<>();
        classes.forEach((name, bytes) -> bounded.put(name, BoundedWork.rewrite(bytes, classes.keySet())));
        return bounded;
    }

    /**
     * The rules of the models whose consequence is not of a rewritten class: none, unless
     * a consequence came from elsewhere than the classes {@link #bound} rewrote.
     */
    public static List<String> unbounded(List<Model> models) {
        List<String> unbounded = new ArrayList<>();
        for (Model model : models) {
            for (Rule rule : model.getRules()) {
                for (Consequence consequence : rule.getConsequences().values()) {
                    Object block = consequence.getBlock() instanceof IntrospectableLambda lambda ? lambda.getLambda()
                            : consequence.getBlock();
                    if (!bounded(block)) {
                        unbounded.add(rule.getName());
                    }
                }
            }
        }
        return unbounded;
    }

    private static boolean bounded(Object block) {
        try {
            return block != null && block.getClass().getDeclaredField(BoundedWork.MARK) != null;
        }
        catch (NoSuchFieldException e) {
            return false;
        }
    }

    /**
     * The rule each class was compiled for: the model builds each rule in a method of its
     * own, which names the rule and takes the constraint and consequence classes it uses.
     */
    private static final class Rules {

        private final Map<String, String> ruleByClass = new HashMap<>();

        private final Map<String, Located> located = new HashMap<>();

        private record Located(ParsedDrl drl, RuleDescr rule) {
        }

        Rules(List<ParsedDrl> parsed, Map<String, byte[]> classes) {
            for (ParsedDrl drl : parsed) {
                for (RuleDescr rule : drl.descr().getRules()) {
                    located.putIfAbsent(rule.getName(), new Located(drl, rule));
                }
            }
            classes.forEach((name, bytes) -> new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                        String[] exceptions) {
                    return new RuleMethod(name);
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES));
        }

        /** A method that names a rule: the classes it reads belong to that rule. */
        private final class RuleMethod extends MethodVisitor {

            private final List<String> used = new ArrayList<>();

            private String rule;

            RuleMethod(String owner) {
                super(Opcodes.ASM9);
                used.add(owner);
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (rule == null && value instanceof String name && located.containsKey(name)) {
                    rule = name;
                }
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                used.add(owner);
            }

            @Override
            public void visitEnd() {
                if (rule != null) {
                    // the class holding the rule's method is shared by several: only
                    // the classes it alone reads are the rule's
                    used.subList(1, used.size()).forEach(c -> ruleByClass.putIfAbsent(c, rule));
                }
            }

        }

        LoadProblem problem(String className, List<String> refused,
                Map<String, DecisionTableTranslator.Generated> generatedByPath) {
            String what = "compiles to code that uses " + String.join(", ", refused) + ": " + Refusals.POLICY;
            // a class declared inside a consequence is the consequence's
            String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
            Located rule = located.get(ruleByClass.getOrDefault(className, ruleByClass.get(outer)));
            if (rule != null) {
                String member = refused.get(0);
                String key = member.substring(member.lastIndexOf('.') + 1).replace("(...)", "");
                return Refusals.at(rule.drl().path(), generatedByPath.get(rule.drl().path()), rule.rule().getLine(),
                        key, rule.rule().getName(), what);
            }
            return LoadProblem.inFile("(rule set)", "the class " + className.replace('/', '.') + " " + what);
        }

    }

}
