package uk.inspection.engine.drools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.ObjectInsertedEvent;
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
        FiringLog log = new FiringLog(session, onInsert);
        RuleWork.Scope work = RuleWork.begin(limits);
        Deadline deadline = Deadline.start(session, limits, work);
        try {
            return fire(session, facts, log, deadline);
        }
        catch (ThreadDeath e) {
            // here, not in fire(): the stop may land while fire() handles another failure
            return failure(deadline.why() + ", inside one call, and was stopped", log.stoppedIn(), log);
        }
        finally {
            closeAfterStop(deadline);
            work.close();
            // back to the pool, which resets it, even after a stop
            session.dispose();
        }
    }

    private Evaluation.Failed fire(KieSession session, Collection<?> facts, FiringLog log, Deadline deadline) {
        try {
            facts.forEach(session::insert);
            firedOnceFacts.forEach(session::insert);
            // The rules fired once count towards the limit as if they had fired here.
            int fired = firedOnce.firings() + session.fireAllRules(limits.maxFirings() - firedOnce.firings());
            deadline.close();
            if (deadline.passed()) {
                return failure(deadline.why(), log.culprit(), log);
            }
            if (fired >= limits.maxFirings()) {
                return failure("fired " + fired + " rules on one request: a rule loops", log.culprit(), log);
            }
            return null;
        }
        catch (RuntimeException e) {
            if (deadline.passed()) {
                return failure(deadline.why(), log.stoppedIn(), log);
            }
            RuleWork.Exceeded exceeded = exceeded(e);
            // a budget spent is blamed as a loop is; a value too long where it was made
            return failure(exceeded != null ? exceeded.getMessage() : "failed: " + e.getMessage(),
                    exceeded != null && exceeded.spent() ? log.stoppedIn() : log.firing(), log);
        }
        catch (StackOverflowError e) {
            // a value nested in itself, printed or hashed: the thread's stack recovers
            return failure("went too deep (a stack overflow)", log.firing(), log);
        }
        catch (LinkageError e) {
            // a rule class that could not be initialised (code outside an evaluation)
            return failure("failed: " + e, log.firing(), log);
        }
    }

    /**
     * Closes the deadline; a stop that arrives as it closes (the only place one can
     * arrive late) is the evaluation's end, already reported.
     */
    static void closeAfterStop(Deadline deadline) {
        try {
            deadline.close();
        }
        catch (ThreadDeath late) {
            deadline.close();
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

    private Evaluation.Failed failure(String what, Rule rule, FiringLog log) {
        RuleLocation culprit = rule == null ? null : origin(rule).location(rule.getName());
        Integer fired = rule == null ? null : log.firings(rule);
        String blame = culprit == null ? ""
                : " (" + culprit + (fired != null ? " fired " + fired + " times" : "") + ")";
        return new Evaluation.Failed("the rule set " + ruleSetId + " " + what + blame, culprit);
    }

    private RuleOrigin origin(Rule rule) {
        return origins.getOrDefault(RuleOrigin.key(rule.getPackageName(), rule.getName()), RuleOrigin.UNKNOWN);
    }

    private TraceEntry traceOf(RuleOutput output, String pkg, String rule) {
        RuleOrigin origin = origins.getOrDefault(RuleOrigin.key(pkg, rule), RuleOrigin.UNKNOWN);
        return new TraceEntry(output.subject(), rule, origin.source(), origin.detail());
    }

}
