package uk.inspection.ratings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.inspection.ratings.RatingRequest.KeyQuestionInput;
import uk.inspection.ratings.facts.Fieldwork;
import uk.inspection.ratings.facts.InspectionContext;
import uk.inspection.ratings.facts.OrganisationalAlert;
import uk.inspection.ratings.facts.ServiceLocation;
import uk.inspection.ratings.facts.Judgement;
import uk.inspection.ratings.facts.JudgementRating;
import uk.inspection.ratings.facts.KeyQuestionDefinition;
import uk.inspection.ratings.facts.KeyQuestionShare;
import uk.inspection.ratings.facts.PanelChoice;
import uk.inspection.ratings.facts.PanelDeparture;
import uk.inspection.ratings.facts.RatingScore;
import uk.inspection.ratings.facts.StandardDefinition;
import uk.inspection.ruleset.Manifest;

/**
 * Turns a validated request into the facts the rules reason over: the manifest's scale
 * and the standards in scope, and the evidence. Per-case answers are consolidated into
 * counts here; the share is yes × 100 / cases, unrounded. A key question with no
 * inspected cases gets no share.
 */
final class RatingFacts {

    private RatingFacts() {
    }

    static List<Object> of(String framework, RatingRequest request, Manifest manifest) {
        InspectionScope scope = InspectionScope.of(manifest, request.inspectionType());
        List<Object> facts = new ArrayList<>();
        facts.add(new InspectionContext(framework, request.inspectionType()));
        manifest.ratingScale().forEach(step -> facts.add(new RatingScore(step.code(), step.label(), step.score())));
        for (Manifest.Standard standard : scope.standards()) {
            facts.add(new StandardDefinition(standard.code(), standard.name(), standard.ratedFrom(),
                    standard.countsTowardOverall(), standard.required()));
            standard.keyQuestions()
                .forEach(q -> facts.add(new KeyQuestionDefinition(q.code(), standard.code(), q.answeredBy())));
        }
        shares(request, scope).forEach(facts::add);
        request.judgements().forEach((code, answer) -> facts.add(new Judgement(code, answer ? "YES" : "NO")));
        request.ratings().forEach((standard, rating) -> facts.add(new JudgementRating(standard, rating)));
        request.panel()
            .forEach((key, choice) -> facts.add(RatingRequestValidator.OVERALL.equals(key)
                    ? new PanelDeparture(choice.rating(), choice.reason()) : new PanelChoice(key, choice.rating())));
        if (request.region() != null || request.nation() != null) {
            facts.add(new ServiceLocation(request.region(), request.nation()));
        }
        if (request.fieldworkEnd() != null && request.nation() != null) {
            facts.add(new Fieldwork(request.fieldworkEnd(), request.nation()));
        }
        request.organisationalAlerts()
            .forEach(alert -> facts.add(new OrganisationalAlert(alert.raisedOn(), alert.summary())));
        return facts;
    }

    private static List<KeyQuestionShare> shares(RatingRequest request, InspectionScope scope) {
        List<KeyQuestionShare> shares = new ArrayList<>();
        request.keyQuestions().forEach((code, input) -> share(code, input, scope).ifPresent(shares::add));
        consolidate(request).forEach((code, counts) -> {
            if (counts[1] > 0) {
                shares.add(countedShare(code, counts[0], counts[1], scope));
            }
        });
        return shares;
    }

    private static Optional<KeyQuestionShare> share(String code, KeyQuestionInput input, InspectionScope scope) {
        if (input.percentage() != null) {
            return Optional.of(KeyQuestionShare.published(code, standardOf(code, scope), input.percentage()));
        }
        return input.cases() > 0 ? Optional.of(countedShare(code, input.yes(), input.cases(), scope))
                : Optional.empty();
    }

    private static KeyQuestionShare countedShare(String code, int yes, int cases, InspectionScope scope) {
        return KeyQuestionShare.counted(code, standardOf(code, scope), yes, cases);
    }

    /** Per key question, {yes, answered} over the inspected cases. */
    private static Map<String, int[]> consolidate(RatingRequest request) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        request.cases().forEach(inspected -> inspected.answers().forEach((code, answer) -> {
            int[] tally = counts.computeIfAbsent(code, c -> new int[2]);
            tally[0] += Boolean.TRUE.equals(answer) ? 1 : 0;
            tally[1]++;
        }));
        return counts;
    }

    private static String standardOf(String keyQuestion, InspectionScope scope) {
        return scope.standardOfKeyQuestion().get(keyQuestion).code();
    }

}
