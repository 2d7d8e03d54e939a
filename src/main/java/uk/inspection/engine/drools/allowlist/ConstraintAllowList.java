package uk.inspection.engine.drools.allowlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * One constraint of a pattern, as Drools' own expression parser splits it: comparisons
 * with the operators below, joined by {@code &&} and {@code ||}, whose operands and
 * bindings are plain Java held to {@link JavaAllowList}. Other operators ({@code matches}
 * evaluates a pattern on client text; the temporal ones are not used) are refused.
 */
final class ConstraintAllowList {

    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=", "contains", "memberOf");

    private ConstraintAllowList() {
    }

    /** The violations of a constraint written at {@code line}. */
    static List<JavaAllowList.Violation> check(String text, int line, KnownTypes types, Set<String> bindings) {
        DrlExprParser parser = parser();
        ConstraintConnectiveDescr parsed = parser.parse(text);
        List<JavaAllowList.Violation> violations = new ArrayList<>();
        if (parsed == null || parser.hasErrors()) {
            violations.add(new JavaAllowList.Violation(line, "a constraint that cannot be read: " + text));
        }
        else {
            part(parsed, text, line, types, bindings, violations);
        }
        return violations;
    }

    /** Adds the names a constraint binds ({@code $score : score}) to {@code bindings}. */
    static void bindings(String text, Set<String> bindings) {
        bound(parser().parse(text), bindings);
    }

    private static void part(BaseDescr part, String text, int line, KnownTypes types, Set<String> bindings,
            List<JavaAllowList.Violation> violations) {
        if (part instanceof ConstraintConnectiveDescr connective) {
            connective.getDescrs().forEach(child -> part(child, text, line, types, bindings, violations));
        }
        else if (part instanceof RelationalExprDescr relation) {
            if (!OPERATORS.contains(relation.getOperator())) {
                violations.add(new JavaAllowList.Violation(line,
                        "the operator '" + relation.getOperator() + "' (in " + text + ")"));
            }
            part(relation.getLeft(), text, line, types, bindings, violations);
            part(relation.getRight(), text, line, types, bindings, violations);
        }
        else if (part instanceof BindingDescr binding) {
            violations.addAll(JavaAllowList.expression(binding.getExpression(), line, types, bindings));
        }
        else if (part instanceof AtomicExprDescr atom) {
            if (!atom.isLiteral()) {
                violations.addAll(JavaAllowList.expression(atom.getExpression(), line, types, bindings));
            }
        }
        else {
            violations.add(new JavaAllowList.Violation(line,
                    "a " + part.getClass().getSimpleName().replaceAll("Descr$", "") + " (in " + text + ")"));
        }
    }

    private static void bound(BaseDescr expression, Set<String> bindings) {
        if (expression instanceof BindingDescr binding) {
            bindings.add(binding.getVariable());
        }
        else if (expression instanceof ConstraintConnectiveDescr connective) {
            connective.getDescrs().forEach(child -> bound(child, bindings));
        }
        else if (expression instanceof RelationalExprDescr relation) {
            bound(relation.getLeft(), bindings);
            bound(relation.getRight(), bindings);
        }
    }

    private static DrlExprParser parser() {
        return DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
    }

}
