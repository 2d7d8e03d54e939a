package uk.inspection.engine.drools;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;

/**
 * What one evaluation's rules did, for naming the rule to blame when they misbehave:
 * which rule is firing, how often each fired, and how often each changed a fact.
 */
final class FiringLog {

    private final Map<Rule, Integer> firings = new HashMap<>();

    private final Map<Rule, Integer> changes = new HashMap<>();

    private Rule firing;

    /** A log of the session's firings; what a rule inserts goes to {@code onInsert}. */
    FiringLog(KieSession session, Consumer<ObjectInsertedEvent> onInsert) {
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                onInsert.accept(event);
            }

            // The executable model's fact actions do not say which rule acted: the
            // one firing did.
            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                changed(event.getRule() != null ? event.getRule() : firing);
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                changed(event.getRule() != null ? event.getRule() : firing);
            }
        });
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                firing = event.getMatch().getRule();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firings.merge(event.getMatch().getRule(), 1, Integer::sum);
            }
        });
    }

    /** The rule firing last, or null. */
    Rule firing() {
        return firing;
    }

    /** How often the rule fired, or null if it did not. */
    Integer firings(Rule rule) {
        return firings.get(rule);
    }

    /**
     * The rule to blame for a loop: the one whose consequence updated or retracted facts
     * most (each update re-activates the rules that match the fact, itself among them);
     * failing that, the one that fired most.
     */
    Rule culprit() {
        Map<Rule, Integer> counts = changes.isEmpty() ? firings : changes;
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * The rule to blame when the evaluation was stopped in the middle of a rule: that
     * rule, if it had not fired before (its one firing ran away); otherwise the loop's
     * culprit, since where a loop is stopped is chance.
     */
    Rule stoppedIn() {
        Rule culprit = culprit();
        return firing == null || firings.containsKey(firing) && culprit != null ? culprit : firing;
    }

    private void changed(Rule rule) {
        if (rule != null) {
            changes.merge(rule, 1, Integer::sum);
        }
    }

}
