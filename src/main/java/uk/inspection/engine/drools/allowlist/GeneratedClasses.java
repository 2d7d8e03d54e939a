package uk.inspection.engine.drools.allowlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.builder.KnowledgeBuilder;
import org.objectweb.asm.ClassReader;

import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.drools.tables.DecisionTableTranslator;

/**
 * The second layer of the allow-list, independent of any parser: every class Drools
 * compiled for a rule set (a rule's consequence and the invokers around it) is read as
 * bytecode, and each type and member it references must be one {@link BytecodeAllowList}
 * allows. Whatever the rule text looked like to the source checks, code that reaches
 * {@code System}, reflection, threads, I/O or the network is refused here before any rule
 * fires, and named at the rule it was compiled from.
 */
public final class GeneratedClasses {

    private GeneratedClasses() {
    }

    public static List<LoadProblem> check(KnowledgeBuilder builder, List<ParsedDrl> parsed,
            Map<String, DecisionTableTranslator.Generated> generatedByPath) {
        Map<String, byte[]> classes = classes(builder);
        Set<String> generated = classes.keySet();
        Set<LoadProblem> problems = new LinkedHashSet<>();
        Rules rules = new Rules(parsed);
        classes.forEach((name, bytes) -> {
            List<String> refused = BytecodeAllowList.refusals(new ClassReader(bytes), generated);
            if (!refused.isEmpty()) {
                problems.add(rules.problem(name, refused, generatedByPath));
            }
        });
        return List.copyOf(problems);
    }

    /**
     * Rewrites every class compiled for the builder's packages ({@link BoundedWork}),
     * after {@link #check} found nothing to refuse and before a KieBase is made of them:
     * the KieBase loads its classes from what the packages hold now.
     */
    public static void bound(KnowledgeBuilder builder) {
        Set<String> generated = classes(builder).keySet();
        for (JavaDialectRuntimeData java : javaData(builder.getKnowledgePackages())) {
            Map.copyOf(java.getStore())
                .forEach((name, bytes) -> java.write(name, BoundedWork.rewrite(bytes, generated)));
        }
    }

    /**
     * The rules of a KieBase whose consequence is not of a rewritten class: none, unless
     * Drools loaded its classes from elsewhere than {@link #bound} left them.
     */
    public static List<String> unbounded(KieBase kieBase) {
        List<String> unbounded = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                // a named consequence could not be looked at: refused with the rest
                RuleImpl impl = (RuleImpl) rule;
                if (impl.hasNamedConsequences() || !bounded(impl.getConsequence())) {
                    unbounded.add(rule.getName());
                }
            }
        }
        return unbounded;
    }

    private static boolean bounded(Object consequence) {
        try {
            return consequence != null && consequence.getClass().getDeclaredField(BoundedWork.MARK) != null;
        }
        catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static List<JavaDialectRuntimeData> javaData(Collection<KiePackage> packages) {
        List<JavaDialectRuntimeData> data = new ArrayList<>();
        for (KiePackage kiePackage : packages) {
            if (((InternalKnowledgePackage) kiePackage).getDialectRuntimeRegistry()
                .getDialectData("java") instanceof JavaDialectRuntimeData java) {
                data.add(java);
            }
        }
        return data;
    }

    /** Every class compiled for the builder's packages, by internal name. */
    private static Map<String, byte[]> classes(KnowledgeBuilder builder) {
        Map<String, byte[]> classes = new TreeMap<>();
        for (JavaDialectRuntimeData java : javaData(builder.getKnowledgePackages())) {
            java.getStore().forEach((name, bytes) -> classes.put(name.replaceFirst("\\.class$", ""), bytes));
        }
        return classes;
    }

    /**
     * The rules of the parsed texts by the class Drools compiled each into: the class of
     * a rule and its invokers begin with the rule's class name.
     */
    private static final class Rules {

        private record Compiled(String prefix, ParsedDrl drl, RuleDescr rule) {
        }

        private final List<Compiled> compiled = new ArrayList<>();

        Rules(List<ParsedDrl> parsed) {
            for (ParsedDrl drl : parsed) {
                String pkg = drl.descr().getNamespace().replace('.', '/');
                for (RuleDescr rule : drl.descr().getRules()) {
                    if (rule.getClassName() != null) {
                        compiled.add(new Compiled(pkg + "/" + rule.getClassName(), drl, rule));
                    }
                }
            }
            // the longest first: Rule_a1 must not claim Rule_a12's classes
            compiled.sort(Comparator.comparingInt((Compiled c) -> c.prefix().length()).reversed());
        }

        LoadProblem problem(String className, List<String> refused,
                Map<String, DecisionTableTranslator.Generated> generatedByPath) {
            String what = "compiles to code that uses " + String.join(", ", refused) + ": " + Refusals.POLICY;
            for (Compiled rule : compiled) {
                if (className.startsWith(rule.prefix())) {
                    String member = refused.get(0);
                    String key = member.substring(member.lastIndexOf('.') + 1).replace("(...)", "");
                    return Refusals.at(rule.drl().path(), generatedByPath.get(rule.drl().path()), rule.rule().getLine(),
                            key, rule.rule().getName(), what);
                }
            }
            return LoadProblem.inFile("(rule set)", "the class " + className.replace('/', '.') + " " + what);
        }

    }

}
