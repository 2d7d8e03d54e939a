package uk.inspection.ratings;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import uk.inspection.ratings.RatingResponse.KeyQuestionOutcome;
import uk.inspection.ratings.RatingResponse.Notice;
import uk.inspection.ratings.RatingResponse.OverallOption;
import uk.inspection.ratings.RatingResponse.OverallOutcome;
import uk.inspection.ratings.RatingResponse.StandardOutcome;
import uk.inspection.ratings.facts.KeyQuestionResult;
import uk.inspection.ratings.facts.OverallDeparture;
import uk.inspection.ratings.facts.OverallIncomplete;
import uk.inspection.ratings.facts.OverallRating;
import uk.inspection.ratings.facts.StandardResult;
import uk.inspection.ratings.facts.TimelineDate;
import uk.inspection.engine.Evaluation;
import uk.inspection.engine.RuleOutput;
import uk.inspection.facts.Flag;
import uk.inspection.facts.Trigger;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FailureException;
import uk.inspection.ratings.facts.OverallStatus;
import uk.inspection.ratings.facts.ResultStatus;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;

/**
 * Reads the rules' outputs into the response. Every key question and standard in scope
 * must have exactly one result, in the manifest's scale: anything else is a defect of the
 * rule set (a gap or an overlap in a table, a mistyped rating), reported as such rather
 * than answered wrongly. {@link uk.inspection.ratings.CoverageCheck} rates every path
 * before a rule set is served, so a defect found here is one the checks could not
 * foresee.
 */
final class RatingResponseAssembler {

    private final RuleSet ruleSet;

    private final Manifest manifest;

    private final InspectionScope scope;

    private final Evaluation.Completed evaluation;

    private RatingResponseAssembler(RuleSet ruleSet, RatingRequest request, Evaluation.Completed evaluation) {
        this.ruleSet = ruleSet;
        this.manifest = ruleSet.manifest();
        this.scope = InspectionScope.of(manifest, request.inspectionType());
        this.evaluation = evaluation;
    }

    static RatingResponse assemble(RuleSet ruleSet, RatingRequest request, Evaluation.Completed evaluation) {
        RatingResponseAssembler assembler = new RatingResponseAssembler(ruleSet, request, evaluation);
        return new RatingResponse(ruleSet.id(), ruleSet.version(), ruleSet.effectiveFrom(), request.service(),
                request.inspectionType(), assembler.keyQuestions(request.judgements()), assembler.standards(),
                assembler.overall(), assembler.notices(Flag.class, f -> new Notice(f.code(), f.message())),
                assembler.notices(Trigger.class, t -> new Notice(t.code(), t.message())), assembler.timeline(),
                evaluation.trace(), null);
    }

    private Map<String, KeyQuestionOutcome> keyQuestions(Map<String, Boolean> judgements) {
        Map<String, KeyQuestionResult> results = single(KeyQuestionResult.class, KeyQuestionResult::code,
                "key question");
        Map<String, KeyQuestionOutcome> outcomes = new LinkedHashMap<>();
        for (Manifest.Standard standard : scope.standards()) {
            for (Manifest.KeyQuestion question : standard.keyQuestions()) {
                if (question.isJudgement()) {
                    Boolean answer = judgements.get(question.code());
                    outcomes.put(question.code(), new KeyQuestionOutcome(ResultStatus.ANSWERED, null, null, null, null,
                            null, answer == null ? null : answer ? "YES" : "NO"));
                    continue;
                }
                KeyQuestionResult result = required(results, question.code(), "key question");
                outcomes.put(question.code(),
                        new KeyQuestionOutcome(ResultStatus.valueOf(result.status()), result.yes(), result.cases(),
                                result.percentage(), result.band(), inScale(result.rating()), null));
            }
        }
        return outcomes;
    }

    private Map<String, StandardOutcome> standards() {
        Map<String, StandardResult> results = single(StandardResult.class, StandardResult::code, "standard");
        Map<String, StandardOutcome> outcomes = new LinkedHashMap<>();
        for (Manifest.Standard standard : scope.standards()) {
            StandardResult result = required(results, standard.code(), "standard");
            outcomes.put(standard.code(),
                    new StandardOutcome(standard.name(), ResultStatus.valueOf(result.status()),
                            inScale(result.rating()), result.score(), standard.countsTowardOverall(), result.drivenBy(),
                            byScale(result.options()), result.reason()));
        }
        return outcomes;
    }

    private OverallOutcome overall() {
        List<OverallRating> ratings = evaluation.outputs(OverallRating.class)
            .stream()
            .filter(r -> !r.isProbe())
            .toList();
        List<OverallRating> decided = ratings.stream().filter(OverallRating::isDecided).toList();
        if (decided.size() > 1) {
            throw defect(ruleSet.id() + ": more than one rule rated the overall total " + decided.get(0).total()
                    + ": the overall thresholds overlap");
        }
        if (decided.size() == 1) {
            OverallRating computed = decided.get(0);
            String rating = evaluation.outputs(OverallDeparture.class)
                .stream()
                .map(OverallDeparture::rating)
                .findFirst()
                .orElse(computed.rating());
            return new OverallOutcome(OverallStatus.FINAL, computed.total(), inScale(rating),
                    inScale(computed.rating()), null, null);
        }
        List<String> incomplete = evaluation.outputs(OverallIncomplete.class)
            .stream()
            .map(OverallIncomplete::reason)
            .toList();
        if (!incomplete.isEmpty()) {
            return new OverallOutcome(OverallStatus.INCOMPLETE, null, null, null, null, incomplete);
        }
        List<OverallOption> options = ratings.stream()
            .sorted(Comparator.comparingInt(OverallRating::total))
            .map(r -> new OverallOption(r.choices(), r.total(), inScale(r.rating())))
            .toList();
        return new OverallOutcome(OverallStatus.PENDING_PANEL, null, null, null, options,
                options.isEmpty() ? List.of("awaiting the ratings panel") : null);
    }

    /**
     * The timeline dates, nested by the dots in their step names; null when the rules
     * gave none.
     */
    private Map<String, Object> timeline() {
        List<TimelineDate> dates = evaluation.outputs(TimelineDate.class);
        if (dates.isEmpty()) {
            return null;
        }
        Map<String, Object> timeline = new LinkedHashMap<>();
        for (TimelineDate date : dates) {
            Map<String, Object> parent = timeline;
            String[] path = date.step().split("\\.");
            for (int i = 0; i < path.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) parent.computeIfAbsent(path[i],
                        k -> new LinkedHashMap<>());
                parent = child;
            }
            parent.put(path[path.length - 1], date.date().toString());
        }
        return timeline;
    }

    private <T extends RuleOutput> List<Notice> notices(Class<T> type, Function<T, Notice> toNotice) {
        return evaluation.outputs(type).stream().map(toNotice).toList();
    }

    private <T extends RuleOutput> Map<String, T> single(Class<T> type, Function<T, String> code, String what) {
        Map<String, T> byCode = new LinkedHashMap<>();
        for (T result : evaluation.outputs(type)) {
            if (byCode.putIfAbsent(code.apply(result), result) != null) {
                throw defect(ruleSet.id() + ": more than one rule decided " + what + " " + code.apply(result) + " ("
                        + byCode.get(code.apply(result)) + " and " + result + "): two rows or rules overlap");
            }
        }
        return byCode;
    }

    private <T> T required(Map<String, T> results, String code, String what) {
        T result = results.get(code);
        if (result == null) {
            throw defect(ruleSet.id() + ": no rule decided " + what + " " + code
                    + ": a table has a gap or a rule is missing");
        }
        return result;
    }

    private String inScale(String rating) {
        if (rating != null && manifest.scaleStep(rating).isEmpty()) {
            throw defect(ruleSet.id() + ": a rule produced the rating '" + rating
                    + "', which is not in the framework's scale");
        }
        return rating;
    }

    private List<String> byScale(List<String> ratings) {
        ratings.forEach(this::inScale);
        return ratings.stream()
            .sorted(Comparator.comparingInt(r -> manifest.scaleStep(r).orElseThrow().score()))
            .toList();
    }

    private FailureException defect(String message) {
        return Failure.ruleSetDefect(message).exception();
    }

}
