package uk.inspection.ratings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

import uk.inspection.decision.Rules;
import uk.inspection.engine.Evaluation;
import uk.inspection.facts.Rejection;
import uk.inspection.ratings.RatingResponse.KeyQuestionOutcome;
import uk.inspection.ratings.RatingResponse.Margin;
import uk.inspection.ratings.RatingResponse.Margins;
import uk.inspection.ratings.RatingResponse.OverallOption;
import uk.inspection.ratings.RatingResponse.OverallOutcome;
import uk.inspection.ratings.RatingResponse.StandardOutcome;
import uk.inspection.ratings.facts.KeyQuestionResult;
import uk.inspection.ratings.facts.KeyQuestionShare;
import uk.inspection.ratings.facts.OverallStatus;
import uk.inspection.ratings.facts.ResultStatus;
import uk.inspection.ruleset.Manifest;

/**
 * How far each key question rated from cases, or from a published percentage, is from
 * another rating up and down ({@code ?explain=margins}). Found by deciding the request's
 * facts again with only that key question's share changed, through the same rules and the
 * same reading of their outputs as the rating itself: nothing here knows where a band
 * starts, so the margins follow any edit of the tables, and they are the version's that
 * rated the request.
 * <p>
 * Counts keep the number of cases and re-answer some: up, cases answered no answered yes;
 * down, the reverse. A published percentage moves by whole points, within 0 to 100. The
 * search decides the far end first (every case re-answered: no other rating there, no
 * margin that way, in one evaluation), then doubles from one and halves back: at most 1 +
 * 2⌈log2 n⌉ evaluations each way for n cases (or points), each within the rule set's
 * evaluation limits. It takes a key question's rating never to fall as its share rises
 * (bands rise with the share); then the number found is the fewest.
 */
final class BandMargins {

    private final RatingRequest request;

    private final Rules rules;

    private final List<Object> facts;

    private final RatingResponse rated;

    private final Manifest manifest;

    private BandMargins(RatingRequest request, Rules rules, List<Object> facts, RatingResponse rated) {
        this.request = request;
        this.rules = rules;
        this.facts = facts;
        this.rated = rated;
        this.manifest = rules.ruleSet().manifest();
    }

    /**
     * The most evaluations the margins of this request could take, from its counts alone
     * (before its rule set is chosen): each key question's both ways, a published
     * percentage 100 points at most, one answered case by case as many cases as the
     * request gives. An invalid count (the validation's to refuse) counts as none.
     */
    static long mostEvaluations(RatingRequest request) {
        long most = 0;
        for (RatingRequest.KeyQuestionInput input : request.keyQuestions().values()) {
            if (input == null) {
                continue;
            }
            if (input.percentage() != null) {
                most += 2 * mostEvaluations(100);
            }
            else if (input.yes() != null && input.cases() != null) {
                most += mostEvaluations(input.cases() - (long) input.yes()) + mostEvaluations(input.yes());
            }
        }
        long answered = request.cases()
            .stream()
            .filter(Objects::nonNull)
            .flatMap(c -> c.answers().keySet().stream())
            .distinct()
            .count();
        return most + answered * 2 * mostEvaluations(request.cases().size());
    }

    /**
     * The most evaluations one way takes over {@code range} cases or points: the far end,
     * then doubling up to the edge and halving back, 1 + 2⌈log2 range⌉.
     */
    private static long mostEvaluations(long range) {
        return range < 1 ? 0 : 1 + 2L * (64 - Long.numberOfLeadingZeros(range - 1));
    }

    /** The margins of every rated key question with a share among {@code facts}. */
    static Map<String, Margins> of(RatingRequest request, Rules rules, List<Object> facts, RatingResponse rated) {
        return new BandMargins(request, rules, facts, rated).all();
    }

    private Map<String, Margins> all() {
        Map<String, Margins> margins = new LinkedHashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i) instanceof KeyQuestionShare share) {
                KeyQuestionOutcome outcome = rated.keyQuestions().get(share.code());
                if (outcome != null && outcome.status() == ResultStatus.RATED && outcome.rating() != null) {
                    int score = score(outcome.rating());
                    margins.put(share.code(), new Margins(nearest(i, share, score, 1), nearest(i, share, score, -1)));
                }
            }
        }
        return margins;
    }

    /**
     * The fewest cases (or points) that move the key question's rating in
     * {@code direction} (1 up, -1 down); null when none does.
     */
    private Margin nearest(int index, KeyQuestionShare share, int score, int direction) {
        int range;
        IntFunction<KeyQuestionShare> moved;
        if (share.isCounted()) {
            range = direction > 0 ? share.cases() - share.yes() : share.yes();
            moved = n -> share.withYes(share.yes() + direction * n);
        }
        else {
            range = (int) Math.ceil(direction > 0 ? 100 - share.percentage() : share.percentage());
            moved = n -> share.withPercentage(Math.min(100, Math.max(0, share.percentage() + direction * n)));
        }
        if (range < 1) {
            return null;
        }
        Changed found = decide(index, moved.apply(range));
        if (!found.moved(score, direction)) {
            return null;
        }
        int stays = 0;
        int moves = range;
        for (int n = 1; n < moves; n = (int) Math.min(2L * n, moves)) {
            Changed changed = decide(index, moved.apply(n));
            if (changed.moved(score, direction)) {
                moves = n;
                found = changed;
                break;
            }
            stays = n;
        }
        while (moves - stays > 1) {
            int n = (stays + moves) >>> 1;
            Changed changed = decide(index, moved.apply(n));
            if (changed.moved(score, direction)) {
                moves = n;
                found = changed;
            }
            else {
                stays = n;
            }
        }
        String overall = Objects.equals(found.overall(), overallOf(rated.overall())) ? null : found.overall();
        return new Margin(share.isCounted() ? moves : null, share.isCounted() ? null : moves, found.rating(),
                found.standard(), overall, found.refused());
    }

    /** The facts decided again with one share changed. */
    private Changed decide(int index, KeyQuestionShare share) {
        List<Object> changed = new ArrayList<>(facts);
        changed.set(index, share);
        Evaluation.Completed evaluation = rules.completed(changed);
        List<String> refused = evaluation.outputs(Rejection.class)
            .stream()
            .map(r -> r.field() + ": " + r.message())
            .toList();
        if (!refused.isEmpty()) {
            String rating = evaluation.outputs(KeyQuestionResult.class)
                .stream()
                .filter(r -> r.code().equals(share.code()))
                .map(KeyQuestionResult::rating)
                .findFirst()
                .orElse(null);
            return new Changed(rating, rating == null ? null : score(rating), null, null, refused);
        }
        RatingResponse decided = RatingResponseAssembler.assemble(rules.ruleSet(), request, evaluation);
        String rating = decided.keyQuestions().get(share.code()).rating();
        return new Changed(rating, rating == null ? null : score(rating),
                standardOf(decided.standards().get(share.standard())), overallOf(decided.overall()), List.of());
    }

    /** What the changed facts decide: the key question, its standard, the overall. */
    private record Changed(String rating, Integer score, String standard, String overall, List<String> refused) {

        boolean moved(int from, int direction) {
            return score != null && Integer.compare(score, from) == direction;
        }

    }

    /** A rated standard's rating; the range of its options while it awaits the panel. */
    private String standardOf(StandardOutcome standard) {
        return standard.status() == ResultStatus.RATED ? standard.rating() : range(standard.options());
    }

    /**
     * The rating the scoring rule gives the overall; the range of its options while a
     * standard awaits the panel; null while it is incomplete.
     */
    private String overallOf(OverallOutcome overall) {
        if (overall.status() == OverallStatus.FINAL) {
            return overall.computedRating();
        }
        return overall.options() == null ? null : range(overall.options().stream().map(OverallOption::rating).toList());
    }

    /**
     * LOW..HIGH in the scale's order, one rating when they are all the same, null for
     * none.
     */
    private String range(List<String> ratings) {
        List<String> ordered = ratings.stream().distinct().sorted(Comparator.comparingInt(this::score)).toList();
        if (ordered.isEmpty()) {
            return null;
        }
        String lowest = ordered.get(0);
        String highest = ordered.get(ordered.size() - 1);
        return lowest.equals(highest) ? lowest : lowest + ".." + highest;
    }

    private int score(String rating) {
        return manifest.scaleStep(rating).orElseThrow().score();
    }

}
