package uk.inspection.ratings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.inspection.ratings.RatingRequest.PanelInput;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.Manifest.Standard;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.VisibleText;

/**
 * Checks a rating request against the framework's manifest and reports every problem by
 * field: unknown or out-of-scope codes, impossible counts, ratings outside the scale,
 * panel choices the framework does not allow. Whether a panel choice is one the rules
 * permit is for the rules.
 */
final class RatingRequestValidator {

    static final String OVERALL = "overall";

    static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

    static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

    private final InspectionScope scope;

    private final Manifest manifest;

    private final String inspectionType;

    private final List<FieldProblem> problems = new ArrayList<>();

    private RatingRequestValidator(Manifest manifest, String inspectionType) {
        this.manifest = manifest;
        this.inspectionType = inspectionType;
        this.scope = InspectionScope.of(manifest, inspectionType);
    }

    static List<FieldProblem> validate(RatingRequest request, Manifest manifest) {
        RatingRequestValidator validator = new RatingRequestValidator(manifest, request.inspectionType());
        validator.checkInspectionType();
        EvidenceValidator evidence = new EvidenceValidator(validator.scope, validator.problems);
        evidence.checkKeyQuestions(request.keyQuestions());
        evidence.checkCases(request.cases(), request.keyQuestions());
        evidence.checkJudgements(request.judgements());
        validator.checkRatings(request.ratings());
        validator.checkPanel(request.panel());
        validator.checkContext(request);
        return List.copyOf(validator.problems);
    }

    private void checkInspectionType() {
        List<String> types = manifest.inspectionTypes().stream().map(Manifest.InspectionType::code).toList();
        if (types.isEmpty()) {
            if (inspectionType != null) {
                problem("inspectionType", "this framework has no inspection types; leave it out");
            }
        }
        else if (inspectionType == null) {
            problem("inspectionType", "is required: one of " + String.join(", ", types));
        }
        else if (!types.contains(inspectionType)) {
            problem("inspectionType",
                    "'" + inspectionType + "' is not an inspection type: one of " + String.join(", ", types));
        }
    }

    private void checkRatings(Map<String, String> ratings) {
        ratings.forEach((code, rating) -> {
            String field = "ratings." + code;
            Standard standard = scope.standard(code).orElse(null);
            if (standard == null) {
                problem(field, scope.notInScope(code, "standard"));
            }
            else if (!standard.isJudgement()) {
                problem(field, code + " is rated from cases by the rules; it cannot be given");
            }
            else {
                checkScale(field, rating);
            }
        });
        for (Standard standard : scope.standards()) {
            if (standard.isJudgement() && standard.required() && !ratings.containsKey(standard.code())) {
                problem("ratings." + standard.code(),
                        "is required: the rating of " + standard.code() + " " + standard.name());
            }
        }
    }

    private void checkPanel(Map<String, PanelInput> panel) {
        panel.forEach((key, choice) -> {
            String field = "panel." + key;
            if (OVERALL.equals(key)) {
                checkDeparture(field, choice);
                return;
            }
            Standard standard = scope.standard(key).orElse(null);
            if (standard == null) {
                problem(field, scope.notInScope(key, "standard"));
            }
            else if (!standard.panelChoice()) {
                problem(field, key + " is not chosen by the ratings panel in this framework");
            }
            else if (choice == null) {
                problem(field, "must be an object with a rating");
            }
            else {
                checkScale(field + ".rating", choice.rating());
            }
        });
    }

    private void checkDeparture(String field, PanelInput departure) {
        if (!manifest.panel().overallDeparture()) {
            problem(field, "this framework allows no departure from the scoring rule for the overall rating");
        }
        else if (departure == null) {
            problem(field, "must be an object with a rating and a reason");
        }
        else {
            checkScale(field + ".rating", departure.rating());
            if (VisibleText.isBlank(departure.reason())) {
                problem(field + ".reason", "a departure from the scoring rule needs the panel's reason");
            }
        }
    }

    /**
     * The optional context fields: only those the framework uses, with values from its
     * vocabularies.
     */
    private void checkContext(RatingRequest request) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("region", request.region());
        given.put("nation", request.nation());
        given.put("fieldworkEnd", request.fieldworkEnd());
        given.put("organisationalAlerts",
                request.organisationalAlerts().isEmpty() ? null : request.organisationalAlerts());
        given.forEach((field, value) -> {
            if (value != null && !manifest.acceptsField(field)) {
                problem(field, "is not used by this framework");
            }
        });
        for (String field : List.of("region", "nation")) {
            Object value = given.get(field);
            List<String> allowed = manifest.vocabulary(field).orElse(List.of());
            if (value != null && manifest.acceptsField(field) && !allowed.contains(value)) {
                problem(field, "'" + value + "' is not one of " + String.join(", ", allowed));
            }
        }
        for (int i = 0; i < request.organisationalAlerts().size(); i++) {
            RatingRequest.AlertInput alert = request.organisationalAlerts().get(i);
            if (alert == null || VisibleText.isBlank(alert.summary())) {
                problem("organisationalAlerts[" + i + "].summary", "is required: what the alert is about");
            }
            if (alert != null) {
                checkDate("organisationalAlerts[" + i + "].raisedOn", alert.raisedOn());
            }
        }
        checkDate("fieldworkEnd", request.fieldworkEnd());
        // Every ratings framework takes the inspection's date; only POST /api/v1/ratings
        // chooses by it.
        checkDate("inspectionDate", request.inspectionDate());
    }

    /**
     * A date an inspection can have: the rules count working days from it, so one
     * centuries away is a mistake, not an inspection.
     */
    private void checkDate(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
            problem(field,
                    "'" + date + "' is outside the dates this service rates: " + EARLIEST_DATE + " to " + LATEST_DATE);
        }
    }

    private void checkScale(String field, String rating) {
        if (rating == null || !scope.scaleCodes().contains(rating)) {
            problem(field, (rating == null ? "a rating is required" : "'" + rating + "' is not a rating") + ": one of "
                    + String.join(", ", scope.scaleCodes()));
        }
    }

    private void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

}
