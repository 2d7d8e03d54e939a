package uk.inspection.regression;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.oversight.Oversight;
import uk.inspection.oversight.OversightRequest;
import uk.inspection.oversight.QuarterRequest;
import uk.inspection.ratings.RatingRequest;
import uk.inspection.ratings.Ratings;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetDefectException;
import uk.inspection.web.FieldProblem;
import uk.inspection.web.InvalidFactsException;
import uk.inspection.web.JsonProblems;
import uk.inspection.web.ProblemType;

/**
 * Decides a request with a rule set in-process and answers as the HTTP API would: the same JSON
 * reading, the same status, the same body. The command line uses it to run fixtures without a server.
 */
public final class Decider {

    private final ObjectMapper json = uk.inspection.web.StrictJson.mapper();

    /** The status and body the HTTP API would answer. */
    public record Decision(int status, JsonNode body) {}

    /** A ratings request. */
    public Decision decide(RuleSet ruleSet, JsonNode request) {
        return decide(ruleSet, null, request);
    }

    /** A ratings request ({@code endpoint} null), or an oversight one ({@code assessments} or {@code quarters}). */
    public Decision decide(RuleSet ruleSet, String endpoint, JsonNode request) {
        if (endpoint == null) {
            return ruleSet.manifest().isRatings()
                    ? decide(request, RatingRequest.class, parsed -> Ratings.decide(ruleSet, parsed))
                    : problem(ProblemType.UNKNOWN_FRAMEWORK, ruleSet.id() + " is not a ratings framework", null);
        }
        if (ruleSet.manifest().isRatings()) {
            return problem(ProblemType.UNKNOWN_FRAMEWORK, ruleSet.id() + " is not an oversight rule set", null);
        }
        return switch (endpoint) {
            case "assessments" -> decide(request, OversightRequest.class, parsed -> Oversight.assess(ruleSet, parsed));
            case "quarters" -> decide(request, QuarterRequest.class, parsed -> Oversight.quarter(ruleSet, parsed));
            default -> problem(ProblemType.NOT_FOUND, "no oversight endpoint " + endpoint, null);
        };
    }

    private <T> Decision decide(JsonNode request, Class<T> type, java.util.function.Function<T, Object> decide) {
        T parsed;
        try {
            parsed = json.treeToValue(request, type);
            if (parsed == null) {
                return problem(ProblemType.MALFORMED_REQUEST, "the body must be a JSON object", null);
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            FieldProblem problem = JsonProblems.of(e);
            return problem(ProblemType.MALFORMED_REQUEST, problem.message(), List.of(problem));
        }
        try {
            return new Decision(200, json.valueToTree(decide.apply(parsed)));
        } catch (InvalidFactsException e) {
            return problem(ProblemType.INVALID_FACTS, e.getMessage(), e.problems());
        } catch (RuleSetDefectException e) {
            return problem(ProblemType.RULE_SET_DEFECT, e.getMessage(), null);
        }
    }

    private Decision problem(ProblemType type, String detail, List<FieldProblem> errors) {
        ObjectNode body = json.createObjectNode();
        body.put("type", type.type().toString());
        body.put("title", type.title());
        body.put("status", type.status().value());
        body.put("detail", detail);
        if (errors != null) {
            body.set("errors", json.valueToTree(errors));
        }
        return new Decision(type.status().value(), body);
    }
}
