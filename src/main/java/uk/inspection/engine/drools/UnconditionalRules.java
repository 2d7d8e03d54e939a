package uk.inspection.engine.drools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;

import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.drools.allowlist.RuleWork;

/**
 * The rules that need no fact, fired once when a rule set is built instead of on every
 * request: the rows of reference and parameter tables (bank holidays, timeline steps,
 * alert contacts, KPI and grant definitions), which have no conditions and insert the
 * same values whatever the request. Firing them was about 40% of a yj-2024 rating's CPU
 * time (docs/performance.md); what they insert is now inserted into each session
 * directly, after the request's facts, in the order they fired, which is where and in
 * what order they would have appeared.
 *
 * <p>
 * Only rules for which that is exactly the same are taken out of the KieBase; the others
 * fire as before:
 * <ul>
 * <li>no conditions, in the main agenda group, no activation or ruleflow group, timer,
 * calendar, effective or expiry date (those depend on the day or on other rules), no
 * logical insert;</li>
 * <li>a salience above every rule that has conditions, so they fired before any other on
 * every request;</li>
 * <li>they did nothing but insert (no update, no delete), and what they inserted cannot
 * change ({@link ImmutableValues}), since one instance now serves every request.</li>
 * </ul>
 * If the one firing fails, or passes the evaluation limits, nothing is taken out: every
 * request fails as it did and the rule set's checks report it.
 */
final class UnconditionalRules {

    /** What one rule inserted when fired once. */
    record Insert(Object fact, Rule rule) {
    }

    /**
     * What the rules taken out inserted, in firing order, and how many firings that was
     * (an evaluation's firing limit still counts them).
     */
    record FiredOnce(List<Insert> inserts, int firings) {

        static final FiredOnce NONE = new FiredOnce(List.of(), 0);

        List<Object> facts() {
            return inserts.stream().map(Insert::fact).toList();
        }
    }

    private UnconditionalRules() {
    }

    /**
     * Fires the KieBase's unconditional rules once, removes from it those whose inserts
     * can stand for their firing on every request, and returns what they inserted. Call
     * before any session of the KieBase exists.
     */
    static FiredOnce takeOut(KieBase kieBase, EvaluationLimits limits) {
        Set<Rule> candidates = candidates(kieBase);
        if (candidates.isEmpty()) {
            return FiredOnce.NONE;
        }
        List<Insert> inserts = new ArrayList<>();
        Set<Rule> kept = new HashSet<>();
        KieSession session = kieBase.newKieSession();
        int[] firings = new int[1];
        listen(session, inserts, kept, firings);
        RuleWork.Scope work = RuleWork.begin(limits);
        Deadline deadline = Deadline.start(session, limits, work);
        boolean within;
        try {
            within = fire(session, candidates, limits, inserts, kept, firings, deadline);
        }
        catch (ThreadDeath e) {
            // here, not in fire(): the stop may land while fire() handles another failure
            within = false;
        }
        finally {
            DroolsRules.closeAfterStop(deadline);
            work.close();
            session.dispose();
        }
        if (!within) {
            return FiredOnce.NONE;
        }
        List<Insert> taken = inserts.stream()
            .filter(insert -> insert.rule() != null && candidates.contains(insert.rule())
                    && !kept.contains(insert.rule()))
            .toList();
        Set<Rule> removed = new HashSet<>();
        taken.forEach(insert -> removed.add(insert.rule()));
        removed.forEach(rule -> kieBase.removeRule(rule.getPackageName(), rule.getName()));
        // Each rule taken out fired once (it has no conditions to match twice).
        return new FiredOnce(taken, removed.size());
    }

    /**
     * Fires the candidates once and walks what they inserted; whether that stayed within
     * the limits.
     */
    private static boolean fire(KieSession session, Set<Rule> candidates, EvaluationLimits limits, List<Insert> inserts,
            Set<Rule> kept, int[] firings, Deadline deadline) {
        try {
            session.fireAllRules(match -> candidates.contains(match.getRule()), limits.maxFirings());
            // within the limits too: what the rules inserted is walked
            inserts.stream()
                .filter(insert -> insert.rule() == null || !ImmutableValues.isImmutable(insert.fact()))
                .forEach(insert -> kept.add(insert.rule()));
            deadline.close();
            return !deadline.passed() && firings[0] < limits.maxFirings();
        }
        catch (RuntimeException | StackOverflowError | LinkageError e) {
            return false;
        }
    }

    /**
     * Collects what the session's rules insert, the rules that update or delete a fact
     * (never taken out), and the number of firings.
     */
    private static void listen(KieSession session, List<Insert> inserts, Set<Rule> changedFacts, int[] firings) {
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                inserts.add(new Insert(event.getObject(), event.getRule()));
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                changedFacts.add(event.getRule());
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                changedFacts.add(event.getRule());
            }
        });
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firings[0]++;
            }
        });
    }

    /**
     * Rules with no conditions and nothing that ties their firing to a date, a group or
     * another rule, whose salience is above every other rule's.
     */
    private static Set<Rule> candidates(KieBase kieBase) {
        List<RuleImpl> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            pkg.getRules().forEach(rule -> rules.add((RuleImpl) rule));
        }
        if (rules.stream().anyMatch(RuleImpl::isSalienceDynamic)) {
            return Set.of();
        }
        int highestConditional = rules.stream()
            .filter(rule -> !unconditional(rule))
            .mapToInt(RuleImpl::getSalienceValue)
            .max()
            .orElse(Integer.MIN_VALUE);
        Set<Rule> candidates = new HashSet<>();
        rules.stream()
            .filter(UnconditionalRules::unconditional)
            .filter(rule -> rule.getSalienceValue() > highestConditional)
            .forEach(candidates::add);
        return candidates;
    }

    /**
     * Nothing to match: the executable model gives such a rule one pattern, of the
     * session's initial fact, with no constraint.
     */
    private static boolean noConditions(RuleImpl rule) {
        List<RuleConditionElement> children = rule.getLhs().getChildren();
        return children.isEmpty() || children.size() == 1 && children.get(0) instanceof Pattern pattern
                && pattern.getObjectType().equals(ClassObjectType.InitialFact_ObjectType)
                && pattern.getConstraints().isEmpty();
    }

    private static boolean unconditional(RuleImpl rule) {
        return !rule.isQuery() && noConditions(rule) && rule.isMainAgendaGroup() && rule.getActivationGroup() == null
                && rule.getRuleFlowGroup() == null && rule.getTimer() == null && !rule.hasCalendars()
                && rule.getDateEffective() == null && rule.getDateExpires() == null && !rule.hasLogicalDependency();
    }

}
