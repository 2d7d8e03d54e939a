package uk.inspection.shadow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import uk.inspection.regression.DecisionDifferences;
import uk.inspection.ruleset.RuleSet;

/**
 * One framework's shadow: a candidate rule set (a draft's, or a published version) that
 * every live decision is also put to, and what it would have decided differently: how
 * many were shadowed, how many differed, how many could not be (the shadow's queue was
 * full), the transition matrix from the live outcome to the shadow's, and the changed
 * decisions (the last ones kept).
 */
final class Shadow {

    static final int KEPT_CHANGES = 500;

    /** A live decision the shadow would have decided differently. */
    record Change(String decisionId, String live, String shadow, List<DecisionDifferences.Difference> differences) {
    }

    /** The report {@code GET /api/v1/frameworks/{id}/shadow} gives. */
    record Report(String framework, String draft, String rulesetVersion, Instant since, long shadowed, long differed,
            long dropped, long failed, Map<String, Long> transitions, List<Change> changed) {
    }

    private final String framework;

    private final String draft;

    private final RuleSet ruleSet;

    private final Instant since;

    final AtomicLong shadowed = new AtomicLong();

    final AtomicLong dropped = new AtomicLong();

    final AtomicLong failed = new AtomicLong();

    private final Map<String, Long> transitions = new TreeMap<>();

    private final List<Change> changed = new ArrayList<>();

    private long differed;

    Shadow(String framework, String draft, RuleSet ruleSet, Instant since) {
        this.framework = framework;
        this.draft = draft;
        this.ruleSet = ruleSet;
        this.since = since;
    }

    RuleSet ruleSet() {
        return ruleSet;
    }

    synchronized void compared(String decisionId, String live, String shadow,
            List<DecisionDifferences.Difference> differences) {
        transitions.merge(live + "->" + shadow, 1L, Long::sum);
        if (!differences.isEmpty()) {
            differed++;
            changed.add(new Change(decisionId, live, shadow, differences.subList(0, Math.min(3, differences.size()))));
            if (changed.size() > KEPT_CHANGES) {
                changed.remove(0);
            }
        }
        shadowed.incrementAndGet();
    }

    synchronized Report report() {
        return new Report(framework, draft, ruleSet.version(), since, shadowed.get(), differed, dropped.get(),
                failed.get(), Map.copyOf(transitions), List.copyOf(changed));
    }

}
