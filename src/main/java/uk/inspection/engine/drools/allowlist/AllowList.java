package uk.inspection.engine.drools.allowlist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * What a rule file may contain, checked on Drools' parse of it before anything of it is
 * compiled or run. Rules only: no functions, globals, queries, declared types, static
 * imports or custom accumulate code. Each rule's conditions match fact classes with the
 * comparison operators and plain-Java constraints ({@link JavaAllowList}), combined with
 * and, or, not, exists, forall, from, collect and the built-in accumulate functions
 * ({@link ConstraintAllowList}); its attributes are constant; its consequence is held to
 * {@link JavaAllowList}. Anything else is a violation at its line, naming the construct.
 */
final class AllowList {

    /** A refused construct: the line of the file, the rule (null outside one), what. */
    record Violation(int line, String rule, String construct) {
    }

    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average",
            "collectList", "collectSet");

    private static final Set<String> FLAG_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus");

    private static final Set<String> GROUP_ATTRIBUTES = Set.of("agenda-group", "activation-group", "ruleflow-group");

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\(?\\s*-?\\d+\\s*\\)?");

    /**
     * What ends the Java string literal or comment that the executable model writes a
     * rule's name, an attribute's value or the file's path into, unescaped: a quote, a
     * backslash, a line break or other control character, a comment's end. Then the rest
     * of the text is Java the compiler reads and no check of the rule text did.
     */
    private static final Pattern OUT_OF_A_LITERAL = Pattern.compile("[\"\\\\\\p{Cntrl}]|\\*/");

    /**
     * Whether a text the executable model writes into its Java unescaped (a rule's name,
     * an attribute's value, a file's path) would end the literal or comment it is in.
     */
    static boolean leavesAJavaLiteral(String text) {
        return OUT_OF_A_LITERAL.matcher(text).find();
    }

    private final KnownTypes types;

    private final String[] lines;

    private final List<Violation> violations = new ArrayList<>();

    private AllowList(PackageDescr parsed, String drl) {
        this.types = new KnownTypes(parsed.getImports().stream().map(ImportDescr::getTarget).toList(), drl);
        this.lines = drl.split("\\R", -1);
    }

    /**
     * Every construct of a parsed DRL file (its text is {@code drl}) the list refuses.
     */
    static List<Violation> check(PackageDescr parsed, String drl) {
        AllowList check = new AllowList(parsed, drl);
        check.declarations(parsed);
        for (RuleDescr rule : parsed.getRules()) {
            try {
                check.rule(rule);
            }
            catch (RuntimeException e) {
                // A shape of parse this list does not know is refused, never let through
                // nor left to fail the whole build.
                check.refuse(rule.getLine(), rule.getName(), "a construct the allow-list cannot read");
            }
        }
        return check.violations;
    }

    private void declarations(PackageDescr parsed) {
        String pkg = parsed.getName() == null ? "" : parsed.getName();
        if (pkg.equals("java") || pkg.startsWith("java.")) {
            // the JVM defines no class of these but its own: the build would throw
            refuse(Math.max(parsed.getLine(), 1), null, "the package " + pkg);
        }
        for (ImportDescr imported : parsed.getImports()) {
            types.refusedImport(imported.getTarget()).ifPresent(what -> refuse(imported.getLine(), null, what));
        }
        parsed.getFunctionImports().forEach(f -> refuse(f.getLine(), null, "a static import of " + f.getTarget()));
        parsed.getGlobals().forEach(g -> refuse(g.getLine(), null, "a global (" + g.getIdentifier() + ")"));
        parsed.getFunctions().forEach(f -> refuse(f.getLine(), null, "a function (" + f.getName() + ")"));
        parsed.getTypeDeclarations()
            .forEach(t -> refuse(t.getLine(), null, "a declared type (" + t.getTypeName() + ")"));
        parsed.getEnumDeclarations()
            .forEach(t -> refuse(t.getLine(), null, "a declared enum (" + t.getTypeName() + ")"));
        parsed.getAccumulateImports()
            .forEach(a -> refuse(a.getLine(), null, "an accumulate function import (" + a.getTarget() + ")"));
        parsed.getEntryPointDeclarations().forEach(e -> refuse(e.getLine(), null, "an entry point declaration"));
        parsed.getWindowDeclarations().forEach(w -> refuse(w.getLine(), null, "a window declaration"));
        attributes(parsed.getAttributes()
            .stream()
            .collect(java.util.stream.Collectors.toMap(AttributeDescr::getName, a -> a, (a, b) -> b)), null);
    }

    private void rule(RuleDescr rule) {
        String name = rule.getName();
        if (rule.isQuery()) {
            refuse(rule.getLine(), name, "a query");
            return;
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(rule.getLine(), name, "named consequences (do[...])");
        }
        if (leavesAJavaLiteral(name)) {
            refuse(rule.getLine(), name, "a quote, backslash, line break or */ in the rule's name");
        }
        attributes(rule.getAttributes(), name);
        Set<String> bindings = new HashSet<>();
        bindings(rule.getLhs(), bindings);
        conditions(rule.getLhs(), name, bindings);
        if (rule.getConsequence() instanceof String code) {
            for (JavaAllowList.Violation v : JavaAllowList.consequence(code, consequenceStart(rule), types, bindings)) {
                refuse(v.line(), name, v.construct());
            }
        }
    }

    /**
     * Attributes are constants the engine reads: a whole-number salience, flags, group
     * names, the Java dialect. An expression (a salience computed from facts), a timer, a
     * calendar or an {@code enabled} condition is code, and refused.
     */
    private void attributes(Map<String, AttributeDescr> attributes, String rule) {
        attributes.forEach((name, attribute) -> {
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            boolean allowed = switch (name) {
                case "salience" -> WHOLE_NUMBER.matcher(value).matches();
                case "dialect" -> value.equals("java");
                default -> FLAG_ATTRIBUTES.contains(name) || GROUP_ATTRIBUTES.contains(name);
            };
            if (!allowed) {
                refuse(attribute.getLine(), rule, "the attribute " + name + " " + value);
            }
            else if (leavesAJavaLiteral(value)) {
                refuse(attribute.getLine(), rule,
                        "a quote, backslash, line break or */ in the value of the attribute " + name);
            }
        });
    }

    /** Every name the conditions bind: patterns, fields, accumulate results. */
    private void bindings(BaseDescr descr, Set<String> bindings) {
        if (descr instanceof PatternDescr pattern) {
            if (pattern.getIdentifier() != null) {
                bindings.add(pattern.getIdentifier());
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expression) {
                    ConstraintAllowList.bindings(expression.getExpression(), bindings);
                }
            }
            if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                accumulate.getFunctions().stream().map(f -> f.getBind()).filter(b -> b != null).forEach(bindings::add);
                bindings(accumulate.getInput(), bindings);
            }
            else if (pattern.getSource() instanceof CollectDescr collect) {
                bindings(collect.getInputPattern(), bindings);
            }
        }
        else if (descr instanceof org.drools.drl.ast.descr.ConditionalElementDescr element) {
            element.getDescrs().forEach(child -> bindings((BaseDescr) child, bindings));
        }
    }

    private void conditions(BaseDescr descr, String rule, Set<String> bindings) {
        if (descr instanceof PatternDescr pattern) {
            pattern(pattern, rule, bindings);
        }
        else if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs()
                .forEach(child -> conditions((BaseDescr) child, rule, bindings));
        }
        else {
            refuse(descr.getLine(), rule, describe(descr));
        }
    }

    private void pattern(PatternDescr pattern, String rule, Set<String> bindings) {
        int line = pattern.getLine();
        if (pattern.getObjectType() == null) {
            // Drools reads "Fact() /field" as a second pattern, an OOPath with no type.
            refuse(line, rule, "a pattern with no fact class (an OOPath such as /code)");
            return;
        }
        if (!pattern.getBehaviors().isEmpty()) {
            refuse(line, rule, "a sliding window (over window:...)");
        }
        if (types.resolve(pattern.getObjectType()).isEmpty()) {
            refuse(line, rule, "a pattern on " + pattern.getObjectType() + ", which is not a fact class");
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expression) {
                int at = expression.getLine() > 0 ? expression.getLine() : line;
                ConstraintAllowList.check(expression.getExpression(), at, types, bindings)
                    .forEach(v -> refuse(v.line(), rule, v.construct()));
            }
            else {
                refuse(line, rule, describe(constraint));
            }
        }
        BaseDescr source = pattern.getSource();
        if (source == null) {
            return;
        }
        if (source instanceof FromDescr from) {
            java(from.getExpression(), line, rule, bindings);
        }
        else if (source instanceof CollectDescr collect) {
            conditions(collect.getInputPattern(), rule, bindings);
        }
        else if (source instanceof AccumulateDescr accumulate) {
            accumulate(accumulate, line, rule, bindings);
        }
        else {
            refuse(line, rule, describe(source));
        }
    }

    private void accumulate(AccumulateDescr accumulate, int line, String rule, Set<String> bindings) {
        if (!accumulate.isExternalFunction() || accumulate.getFunctions().isEmpty()) {
            refuse(line, rule, "an accumulate with its own code (init, action, result)");
            return;
        }
        conditions(accumulate.getInput(), rule, bindings);
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                refuse(line, rule, "the accumulate function " + function.getFunction());
            }
            for (String parameter : function.getParams()) {
                java(parameter, line, rule, bindings);
            }
        }
    }

    private void java(String expression, int line, String rule, Set<String> bindings) {
        for (JavaAllowList.Violation v : JavaAllowList.expression(expression, line, types, bindings)) {
            refuse(v.line(), rule, v.construct());
        }
    }

    /**
     * The line a consequence's code starts on: Drools gives the line of {@code then} and
     * the code without its leading blank lines.
     */
    private int consequenceStart(RuleDescr rule) {
        int line = rule.getConsequenceLine();
        if (line < 1 || line > lines.length) {
            return Math.max(line, 1);
        }
        String rest = lines[line - 1].replaceFirst("^.*?\\bthen\\b", "");
        while (rest.isBlank() && line < lines.length) {
            line++;
            rest = lines[line - 1];
        }
        return line;
    }

    private static String describe(BaseDescr descr) {
        String name = descr.getClass().getSimpleName().replaceAll("Descr$", "");
        return switch (name) {
            case "Eval" -> "eval(...)";
            case "EntryPoint" -> "an entry point";
            default -> "a " + name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        };
    }

    private void refuse(int line, String rule, String construct) {
        violations.add(new Violation(line, rule, construct));
    }

}
