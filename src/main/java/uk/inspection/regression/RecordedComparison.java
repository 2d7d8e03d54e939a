package uk.inspection.regression;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.ratings.facts.OverallStatus;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.RuleSet;

/**
 * Recorded (or generated) requests re-decided under a baseline and a candidate rule set,
 * one at a time, so that memory stays flat whatever the count: totals, the transition
 * matrix, and the changed decisions (the first {@code keep} listed in full, every one
 * counted). Safe to add to from several threads: both sides decide outside the lock, only
 * the tally is shared.
 */
public final class RecordedComparison {

    /** One changed decision: its record, each side's outcome and the first difference. */
    public record Changed(String decisionId, String baseline, String candidate,
            List<DecisionDifferences.Difference> differences) {
    }

    /** The comparison so far. */
    public record Result(String baselineVersion, String candidateVersion, long total, long changed,
            Map<String, Long> transitions, List<Changed> listed) {
    }

    private final RuleSet baseline;

    private final RuleSet candidate;

    private final int keep;

    private final InProcessApi api;

    private final Map<String, Long> transitions = new TreeMap<>();

    /**
     * The first {@code keep} changed decisions by their place in the input, so that a
     * parallel run lists the same ones as a sequential run.
     */
    private final TreeMap<Long, Changed> listed = new TreeMap<>();

    private long total;

    private long changed;

    public RecordedComparison(RuleSet baseline, RuleSet candidate, int keep) {
        this(baseline, candidate, keep, RequestLimits.DEFAULTS);
    }

    /** Deciding with these limits (the service's, when it compares its own records). */
    public RecordedComparison(RuleSet baseline, RuleSet candidate, int keep, RequestLimits limits) {
        this.baseline = baseline;
        this.candidate = candidate;
        this.keep = keep;
        this.api = new InProcessApi(limits);
    }

    /**
     * Re-decides one recorded request ({@code endpoint} null for a rating) under both
     * sides.
     */
    public void add(String decisionId, String endpoint, JsonNode request) {
        long place;
        synchronized (this) {
            place = total;
        }
        add(place, decisionId, endpoint, request);
    }

    /**
     * The same, for an input whose {@code place} (its line, say) orders what is listed
     * when requests are added from several threads.
     */
    public void add(long place, String decisionId, String endpoint, JsonNode request) {
        InProcessApi.Answer b = api.answer(baseline, endpoint, request);
        InProcessApi.Answer c = api.answer(candidate, endpoint, request);
        List<DecisionDifferences.Difference> differences = DecisionDifferences.between(b, c);
        String from = label(b);
        String to = label(c);
        synchronized (this) {
            transitions.merge(from + "->" + to, 1L, Long::sum);
            total++;
            if (!differences.isEmpty()) {
                changed++;
                if (keep > 0 && (listed.size() < keep || place < listed.lastKey())) {
                    listed.put(place, new Changed(decisionId, from, to,
                            List.copyOf(differences.subList(0, Math.min(3, differences.size())))));
                    if (listed.size() > keep) {
                        listed.pollLastEntry();
                    }
                }
            }
        }
    }

    public synchronized Result result() {
        // Sorted, not Map.copyOf (whose order changes from run to run): two reports
        // of the same comparison are then the same file.
        return new Result(baseline.version(), candidate.version(), total, changed,
                Collections.unmodifiableMap(new TreeMap<>(transitions)), List.copyOf(listed.values()));
    }

    /**
     * A decision's outcome in a word, as its record labels it: the overall rating when
     * final, else its status; the quadrant; the quarter; who prepares a follow-up's
     * action plan; or the HTTP status.
     */
    public static String label(InProcessApi.Answer answer) {
        if (answer.status() != 200) {
            return "HTTP_" + answer.status();
        }
        JsonNode body = answer.body();
        if (body.has("quadrant")) {
            return "QUADRANT_" + body.get("quadrant").asText();
        }
        if (body.has("summary")) {
            return "QUARTER";
        }
        if (body.has("actionPlan")) {
            return "ACTION_PLAN_BY_" + body.path("actionPlan").path("preparedBy").asText();
        }
        String status = body.path("overall").path("status").asText();
        return OverallStatus.FINAL.name().equals(status) ? body.path("overall").path("rating").asText() : status;
    }

}
