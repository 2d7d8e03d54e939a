package uk.inspection.engine.drools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import uk.inspection.engine.CompiledRules;
import uk.inspection.engine.Evaluation;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.InsertedFact;
import uk.inspection.engine.RuleLocation;
import uk.inspection.engine.RuleOutput;
import uk.inspection.engine.TraceEntry;
import uk.inspection.engine.drools.allowlist.RuleWork;

/**
 * One rule set's KieBase, built once and shared by every request. Each evaluation takes a
 * session of its own from the KieBase's pool and disposes of it, which resets it (facts,
 * agenda, listeners) and returns it to the pool, so concurrent requests never share state
 * and no request pays for building a session's node memories anew; what a rule inserts
 * that is a {@link RuleOutput} is the decision, traced to the rule and its origin. Every
 * evaluation has a {@link Deadline}, and a firing limit that catches a loop sooner;
 * either way the rule to blame is named. Rules that need no fact are fired once, when the
 * rule set is built ({@link UnconditionalRules}): each session gets what they inserted.
 */
final class DroolsRules implements CompiledRules {

    private final String ruleSetId;

    private final Map<String, RuleOrigin> origins;

    private final EvaluationLimits limits;

    /**
     * Sessions for this KieBase: it grows to the number of concurrent evaluations and
     * holds no thread.
     */
    private final KieSessionsPool sessions;

    /** What the unconditional rules inserted, fired once: inserted into every session. */
    private final UnconditionalRules.FiredOnce firedOnce;

    /** The facts of {@link #firedOnce}, in the order they were inserted. */
    private final List<Object> firedOnceFacts;

    /** The decisions among them, and their trace, which begin every evaluation's. */
    private final List<RuleOutput> firedOnceOutputs = new ArrayList<>();

    private final List<TraceEntry> firedOnceTrace = new ArrayList<>();

    DroolsRules(String ruleSetId, KieBase kieBase, Map<String, RuleOrigin> origins, EvaluationLimits limits) {
        this.ruleSetId = ruleSetId;
        this.origins = Map.copyOf(origins);
        this.limits = limits;
        this.firedOnce = UnconditionalRules.takeOut(kieBase, limits);
        this.firedOnceFacts = firedOnce.facts();
        for (UnconditionalRules.Insert insert : firedOnce.inserts()) {
            if (insert.fact() instanceof RuleOutput output) {
                firedOnceOutputs.add(output);
                firedOnceTrace.add(traceOf(output, insert.rule().getPackageName(), insert.rule().getName()));
            }
        }
        this.sessions = kieBase.newKieSessionsPool(1);
    }

    @Override
    public Evaluation evaluate(Collection<?> facts) {
        List<RuleOutput> outputs = new ArrayList<>(firedOnceOutputs);
        List<TraceEntry> trace = new ArrayList<>(firedOnceTrace);
        Evaluation.Failed failed = run(facts, event -> {
            if (event.getRule() != null && event.getObject() instanceof RuleOutput output) {
                outputs.add(output);
                trace.add(traceOf(output, event.getRule().getPackageName(), event.getRule().getName()));
            }
        });
        return failed != null ? failed : new Evaluation.Completed(outputs, trace);
    }

    @Override
    public List<InsertedFact> insertedWithoutFacts() {
        List<InsertedFact> inserted = new ArrayList<>();
        firedOnce.inserts().forEach(insert -> inserted.add(inserted(insert.fact(), insert.rule())));
        // A rule that fails without facts fails every request too: the checks report it.
        run(List.of(), event -> {
            if (event.getRule() != null) {
                inserted.add(inserted(event.getObject(), event.getRule()));
            }
        });
        return inserted;
    }

    private InsertedFact inserted(Object fact, Rule rule) {
        RuleOrigin origin = origin(rule);
        return new InsertedFact(fact, rule.getName(), origin.source(), origin.detail(), origin.table());
    }

    /**
     * Fires the rules over the facts within the limits; null when they finished, else why
     * not and the rule to blame.
     */
    private Evaluation.Failed run(Collection<?> facts, Consumer<ObjectInsertedEvent> onInsert) {
        KieSession session = sessions.newKieSession();
        Map<Rule, Integer> firings = new HashMap<>();
        Map<Rule, Integer> changes = new HashMap<>();
        Rule[] firing = new Rule[1];
        Deadline deadline = null;
        RuleWork.Scope work = RuleWork.begin(limits);
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    onInsert.accept(event);
                }

                @Override
                public void objectUpdated(ObjectUpdatedEvent event) {
                    changed(event.getRule());
                }

                @Override
                public void objectDeleted(ObjectDeletedEvent event) {
                    changed(event.getRule());
                }

                private void changed(Rule rule) {
                    if (rule != null) {
                        changes.merge(rule, 1, Integer::sum);
                    }
                }
            });
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    firing[0] = event.getMatch().getRule();
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firings.merge(event.getMatch().getRule(), 1, Integer::sum);
                }
            });
            facts.forEach(session::insert);
            firedOnceFacts.forEach(session::insert);
            deadline = Deadline.start(session, limits.deadline(), work);
            // The rules fired once count towards the limit as if they had fired here.
            int fired = firedOnce.firings() + session.fireAllRules(limits.maxFirings() - firedOnce.firings());
            deadline.close();
            if (deadline.passed()) {
                return failure("was still firing rules after " + limits.deadline().toMillis() + " ms of work",
                        culprit(changes, firings), firings);
            }
            if (fired >= limits.maxFirings()) {
                return failure("fired " + fired + " rules on one request: a rule loops", culprit(changes, firings),
                        firings);
            }
            return null;
        }
        catch (RuntimeException e) {
            RuleWork.Exceeded exceeded = exceeded(e);
            return exceeded != null ? failure(exceeded.getMessage(), firing[0], firings)
                    : failure("failed: " + e.getMessage(), firing[0], firings);
        }
        catch (StackOverflowError e) {
            // a value nested in itself, printed or hashed: the thread's stack recovers
            return failure("went too deep (a stack overflow)", firing[0], firings);
        }
        finally {
            if (deadline != null) {
                deadline.close();
            }
            work.close();
            session.dispose();
        }
    }

    /** The limit a rule's code passed, if that is why the rules stopped. */
    private static RuleWork.Exceeded exceeded(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleWork.Exceeded exceeded) {
                return exceeded;
            }
        }
        return null;
    }

    private Evaluation.Failed failure(String what, Rule rule, Map<Rule, Integer> firings) {
        RuleLocation culprit = rule == null ? null : origin(rule).location(rule.getName());
        String blame = culprit == null ? ""
                : " (" + culprit + (firings.containsKey(rule) ? " fired " + firings.get(rule) + " times" : "") + ")";
        return new Evaluation.Failed("the rule set " + ruleSetId + " " + what + blame, culprit);
    }

    /**
     * The rule to blame for a loop: the one whose consequence updated or retracted facts
     * most (each update re-activates the rules that match the fact, itself among them);
     * failing that, the one that fired most.
     */
    private static Rule culprit(Map<Rule, Integer> changes, Map<Rule, Integer> firings) {
        Map<Rule, Integer> counts = changes.isEmpty() ? firings : changes;
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private RuleOrigin origin(Rule rule) {
        return origins.getOrDefault(RuleOrigin.key(rule.getPackageName(), rule.getName()), RuleOrigin.UNKNOWN);
    }

    private TraceEntry traceOf(RuleOutput output, String pkg, String rule) {
        RuleOrigin origin = origins.getOrDefault(RuleOrigin.key(pkg, rule), RuleOrigin.UNKNOWN);
        return new TraceEntry(output.subject(), rule, origin.source(), origin.detail());
    }

}
