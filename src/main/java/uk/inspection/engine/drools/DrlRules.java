package uk.inspection.engine.drools;

import java.util.HashMap;
import java.util.Map;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Where each rule of a DRL file starts, read with Drools' own parser, so a trace can
 * point at the file and line a rule was written at. A file that does not parse has no
 * rules here; the compiler reports its errors.
 */
final class DrlRules {

    private DrlRules() {
    }

    static Map<String, RuleOrigin> origins(String path, String drl) {
        Map<String, RuleOrigin> origins = new HashMap<>();
        try {
            PackageDescr parsed = new DrlParser().parse(false, drl);
            if (parsed == null) {
                return origins;
            }
            for (RuleDescr rule : parsed.getRules()) {
                origins.put(RuleOrigin.key(parsed.getName(), rule.getName()),
                        new RuleOrigin(path, "line " + rule.getLine()));
            }
        }
        catch (DroolsParserException e) {
            // the compiler reports the same error at its line
        }
        return origins;
    }

}
