package uk.inspection.engine.drools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import uk.inspection.engine.CompiledRules;
import uk.inspection.engine.Evaluation;
import uk.inspection.engine.InsertedFact;
import uk.inspection.engine.RuleOutput;
import uk.inspection.engine.TraceEntry;

/**
 * One rule set's KieBase, built once and shared by every request. Each evaluation opens a
 * fresh session and disposes of it, so concurrent requests never share state; what a rule
 * inserts that is a {@link RuleOutput} is the decision, traced to the rule and its
 * origin.
 */
final class DroolsRules implements CompiledRules {

    /**
     * A rule set that fires more rules than this on one request has a rule that loops.
     */
    private static final int MAX_FIRINGS = 10_000;

    private final String ruleSetId;

    private final KieBase kieBase;

    private final Map<String, RuleOrigin> origins;

    DroolsRules(String ruleSetId, KieBase kieBase, Map<String, RuleOrigin> origins) {
        this.ruleSetId = ruleSetId;
        this.kieBase = kieBase;
        this.origins = Map.copyOf(origins);
    }

    @Override
    public Evaluation evaluate(Collection<?> facts) {
        List<RuleOutput> outputs = new ArrayList<>();
        List<TraceEntry> trace = new ArrayList<>();
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null && event.getObject() instanceof RuleOutput output) {
                        outputs.add(output);
                        trace.add(traceOf(output, event.getRule().getPackageName(), event.getRule().getName()));
                    }
                }
            });
            facts.forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                return new Evaluation.Failed(ruleSetId + " fired " + fired + " rules on one request: a rule loops");
            }
        }
        catch (RuntimeException e) {
            return new Evaluation.Failed("a rule of " + ruleSetId + " failed: " + e.getMessage());
        }
        finally {
            session.dispose();
        }
        return new Evaluation.Completed(outputs, trace);
    }

    @Override
    public List<InsertedFact> insertedWithoutFacts() {
        List<InsertedFact> inserted = new ArrayList<>();
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        RuleOrigin origin = origins.getOrDefault(
                                RuleOrigin.key(event.getRule().getPackageName(), event.getRule().getName()),
                                RuleOrigin.UNKNOWN);
                        inserted.add(new InsertedFact(event.getObject(), event.getRule().getName(), origin.source(),
                                origin.detail(), origin.table()));
                    }
                }
            });
            session.fireAllRules(MAX_FIRINGS);
        }
        catch (RuntimeException e) {
            // a rule that fails without facts fails every request too: the coverage check
            // reports it
        }
        finally {
            session.dispose();
        }
        return inserted;
    }

    private TraceEntry traceOf(RuleOutput output, String pkg, String rule) {
        RuleOrigin origin = origins.getOrDefault(RuleOrigin.key(pkg, rule), RuleOrigin.UNKNOWN);
        return new TraceEntry(output.subject(), rule, origin.source(), origin.detail());
    }

}
