package uk.inspection.engine.drools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import uk.inspection.engine.PatternUse;

/**
 * A DRL file's parse ({@link ParsedDrl}) read for where each rule starts, so a trace can
 * point at the file and line a rule was written at, and for which fact types each rule
 * matches with which string literals.
 */
final class DrlRules {

    private static final Pattern LITERAL = Pattern.compile("(\\w+)\\s*==\\s*\"([^\"]*)\"");

    record Read(Map<String, RuleOrigin> origins, List<PatternUse> patterns) {
    }

    private DrlRules() {
    }

    static Read read(String path, PackageDescr parsed) {
        Map<String, RuleOrigin> origins = new HashMap<>();
        List<PatternUse> patterns = new ArrayList<>();
        for (RuleDescr rule : parsed.getRules()) {
            origins.put(RuleOrigin.key(parsed.getName(), rule.getName()),
                    new RuleOrigin(path, "line " + rule.getLine(), false));
            walk(rule.getLhs(), path, rule, patterns);
        }
        return new Read(origins, patterns);
    }

    /**
     * Every pattern of a rule's conditions, inside not, exists, forall, accumulate and
     * collect too.
     */
    private static void walk(BaseDescr descr, String path, RuleDescr rule, List<PatternUse> patterns) {
        if (descr instanceof PatternDescr pattern) {
            Map<String, String> literals = new LinkedHashMap<>();
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expression) {
                    Matcher literal = LITERAL.matcher(expression.getExpression().strip());
                    if (literal.matches()) {
                        literals.put(literal.group(1), literal.group(2));
                    }
                }
            }
            patterns.add(new PatternUse(path, rule.getLine(), rule.getName(), simpleName(pattern.getObjectType()),
                    literals));
            if (pattern.getSource() != null) {
                walk(pattern.getSource(), path, rule, patterns);
            }
        }
        else if (descr instanceof ConditionalElementDescr element) {
            element.getDescrs().forEach(child -> walk(child, path, rule, patterns));
        }
    }

    private static String simpleName(String type) {
        return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
    }

}
