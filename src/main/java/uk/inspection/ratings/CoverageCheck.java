package uk.inspection.ratings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.inspection.decision.DecisionPipeline;
import uk.inspection.engine.LoadProblem;
import uk.inspection.problem.Decision;
import uk.inspection.problem.ProblemType;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ratings.RatingRequest.KeyQuestionInput;
import uk.inspection.ratings.RatingRequest.PanelInput;
import uk.inspection.ratings.facts.OverallStatus;
import uk.inspection.ratings.facts.ResultStatus;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;

/**
 * Every path a request can take, rated before a rule set is served, so that no rule-set
 * defect can reach a client as a 500. For every inspection type: a complete inspection
 * with every case key question at 0% and at 100% (each must get an overall rating); then,
 * one change at a time from the complete one, each yes/no judgement answered no, each
 * judged standard at every rating of the scale, each optional standard left out, each
 * case key question with no inspected cases, and each choice the ratings panel is
 * offered. Each must be decided or refused by field, never fail; and leaving out an
 * optional standard that does not count toward the overall must leave the overall rated.
 */
final class CoverageCheck {

    private final RatingKind kind;

    CoverageCheck(RatingKind kind) {
        this.kind = kind;
    }

    List<LoadProblem> check(RuleSet ruleSet) {
        Manifest manifest = ruleSet.manifest();
        List<String> types = manifest.inspectionTypes().isEmpty() ? Collections.singletonList(null)
                : manifest.inspectionTypes().stream().map(Manifest.InspectionType::code).toList();
        Paths paths = new Paths(ruleSet, "rules/" + ruleSet.id() + "/framework.yaml");
        for (String type : types) {
            String inspection = type == null ? "an inspection" : "an " + type + " inspection";
            for (double share : new double[] { 0, 100 }) {
                paths.complete(inspection + " with every key question at " + (int) share + "%",
                        Inspection.complete(manifest, type, share));
            }
            Inspection complete = Inspection.complete(manifest, type, 100);
            paths.variations(inspection, complete, manifest.standardsFor(type));
        }
        return paths.problems;
    }

    /** The decisions made so far and the problems they showed. */
    private final class Paths {

        private final RuleSet ruleSet;

        private final String where;

        private final List<LoadProblem> problems = new ArrayList<>();

        /**
         * Rules that ran away refuse the version; nothing more is rated (each path could
         * take the whole evaluation deadline).
         */
        private boolean ranAway;

        Paths(RuleSet ruleSet, String where) {
            this.ruleSet = ruleSet;
            this.where = where;
        }

        /**
         * A complete inspection must be decided with an overall rating (or pending the
         * panel).
         */
        void complete(String what, Inspection inspection) {
            RatingResponse response = decide(what, inspection, false);
            if (response != null && response.overall().status() == OverallStatus.INCOMPLETE) {
                problems.add(LoadProblem.inFile(where,
                        "no overall rating for " + what + ": " + String.join("; ", response.overall().reasons())));
            }
            if (response != null) {
                panelChoices(what, inspection, response);
            }
        }

        void variations(String inspection, Inspection complete, List<Manifest.Standard> standards) {
            for (Manifest.Standard standard : standards) {
                if (standard.isJudgement()) {
                    for (Manifest.ScaleStep step : ruleSet.manifest().ratingScale()) {
                        decide(inspection + " with " + standard.code() + " rated " + step.code(),
                                complete.rating(standard.code(), step.code()), false);
                    }
                    if (!standard.required()) {
                        leaveOut(inspection + " leaving out the optional standard " + standard.code(), standard,
                                complete.rating(standard.code(), null));
                    }
                }
                for (Manifest.KeyQuestion question : standard.keyQuestions()) {
                    if (question.isJudgement()) {
                        decide(inspection + " with " + question.code() + " answered no",
                                complete.judgement(question.code(), false), false);
                    }
                    else {
                        decide(inspection + " with no inspected cases for " + question.code(),
                                complete.keyQuestion(question.code(), new KeyQuestionInput(0, 0, null)), false);
                    }
                }
            }
        }

        /**
         * An optional standard left out may be refused by field; if it is decided and the
         * standard does not count toward the overall, the overall must not lose its
         * rating.
         */
        private void leaveOut(String what, Manifest.Standard standard, Inspection inspection) {
            RatingResponse response = decide(what, inspection, true);
            if (response != null && !standard.countsTowardOverall()
                    && response.overall().status() == OverallStatus.INCOMPLETE) {
                problems.add(LoadProblem.inFile(where, "no overall rating for " + what + ", which does not count"
                        + " toward the overall: " + String.join("; ", response.overall().reasons())));
            }
        }

        /** Each option the panel is offered for a pending standard, chosen. */
        private void panelChoices(String what, Inspection inspection, RatingResponse response) {
            response.standards().forEach((code, standard) -> {
                if (standard.status() == ResultStatus.PENDING_PANEL) {
                    for (String option : standard.options()) {
                        decide(what + " and the panel choosing " + option + " for " + code,
                                inspection.panel(code, option), false);
                    }
                }
            });
        }

        /**
         * The response, or null with the problem noted; a refusal by field is a problem
         * unless {@code mayRefuse}.
         */
        private RatingResponse decide(String what, Inspection inspection, boolean mayRefuse) {
            if (ranAway) {
                return null;
            }
            Decision<RatingResponse> decision = Decision
                .confirmed(() -> DecisionPipeline.decide(kind, ruleSet, inspection.request(), RequestLimits.DEFAULTS));
            if (decision instanceof Decision.Decided<RatingResponse> decided) {
                return decided.value();
            }
            Decision.Refused<RatingResponse> refused = (Decision.Refused<RatingResponse>) decision;
            ranAway = refused.failure().isRunaway();
            if (ranAway && refused.failure().culprit().file() != null) {
                problems.add(refused.failure()
                    .culprit()
                    .problem("the rules run away on " + what + ": " + refused.failure().detail()));
            }
            else if (refused.failure().type() != ProblemType.INVALID_FACTS) {
                problems.add(
                        LoadProblem.inFile(where, "the rules do not rate " + what + ": " + refused.failure().detail()));
            }
            else if (!mayRefuse) {
                problems.add(LoadProblem.inFile(where, "the rules refuse " + what + ": " + refused.failure().errors()));
            }
            return null;
        }

    }

    /** A constructed inspection, changed one part at a time. */
    private record Inspection(String type, Map<String, KeyQuestionInput> keyQuestions, Map<String, Boolean> judgements,
            Map<String, String> ratings, Map<String, PanelInput> panel) {

        /**
         * Every standard of the type, every case key question at {@code share},
         * judgements yes, judged standards at the top.
         */
        static Inspection complete(Manifest manifest, String type, double share) {
            Map<String, KeyQuestionInput> keyQuestions = new LinkedHashMap<>();
            Map<String, Boolean> judgements = new LinkedHashMap<>();
            Map<String, String> ratings = new LinkedHashMap<>();
            String top = manifest.ratingScale().get(manifest.ratingScale().size() - 1).code();
            for (Manifest.Standard standard : manifest.standardsFor(type)) {
                if (standard.isJudgement()) {
                    ratings.put(standard.code(), top);
                }
                for (Manifest.KeyQuestion question : standard.keyQuestions()) {
                    if (question.isJudgement()) {
                        judgements.put(question.code(), true);
                    }
                    else {
                        keyQuestions.put(question.code(), new KeyQuestionInput(null, null, share));
                    }
                }
            }
            return new Inspection(type, keyQuestions, judgements, ratings, Map.of());
        }

        Inspection rating(String standard, String rating) {
            return new Inspection(type, keyQuestions, judgements, with(ratings, standard, rating), panel);
        }

        Inspection judgement(String question, boolean answer) {
            return new Inspection(type, keyQuestions, with(judgements, question, answer), ratings, panel);
        }

        Inspection keyQuestion(String question, KeyQuestionInput input) {
            return new Inspection(type, with(keyQuestions, question, input), judgements, ratings, panel);
        }

        Inspection panel(String standard, String rating) {
            return new Inspection(type, keyQuestions, judgements, ratings,
                    with(panel, standard, new PanelInput(rating, null)));
        }

        RatingRequest request() {
            return new RatingRequest("coverage check", type, keyQuestions, List.of(), judgements, ratings, panel);
        }

        /** A copy with the key set to the value, or removed when the value is null. */
        private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
            Map<String, V> copy = new LinkedHashMap<>(map);
            if (value == null) {
                copy.remove(key);
            }
            else {
                copy.put(key, value);
            }
            return copy;
        }
    }

}
