package uk.inspection.followup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import uk.inspection.problem.FieldProblem;

/**
 * Checks the shape of a follow-up request and reports every problem by field: a report
 * kind given, each recommendation an object with its own id, each addressee a code.
 * Whether the kind and the authorities exist, which dates a kind needs, and whether a
 * recommendation is well targeted are for the rules.
 */
final class FollowUpRequestValidator {

    private FollowUpRequestValidator() {
    }

    static List<FieldProblem> validate(FollowUpRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.reportKind() == null || request.reportKind().isBlank()) {
            problems.add(new FieldProblem("reportKind", "is required: the kind of report the recommendations are in"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < request.recommendations().size(); i++) {
            String field = "recommendations[" + i + "]";
            FollowUpRequest.RecommendationInput recommendation = request.recommendations().get(i);
            if (recommendation == null) {
                problems.add(new FieldProblem(field, "must be an object with an id and addressedTo"));
                continue;
            }
            if (recommendation.id() == null || recommendation.id().isBlank()) {
                problems.add(new FieldProblem(field + ".id", "is required: how the report numbers the recommendation"));
            }
            else if (!ids.add(recommendation.id())) {
                problems.add(new FieldProblem(field + ".id",
                        "recommendation '" + recommendation.id() + "' is listed more than once"));
            }
            for (int j = 0; j < recommendation.addressedTo().size(); j++) {
                String code = recommendation.addressedTo().get(j);
                if (code == null || code.isBlank()) {
                    problems.add(new FieldProblem(field + ".addressedTo[" + j + "]", "must be an authority's code"));
                }
            }
        }
        return problems;
    }

}
