package uk.inspection.regression;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    public Decision decide(RuleSet ruleSet, JsonNode request) {
        RatingRequest parsed;
        try {
            parsed = json.treeToValue(request, RatingRequest.class);
            if (parsed == null) {
                return problem(ProblemType.MALFORMED_REQUEST, "the body must be a JSON object", null);
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            FieldProblem problem = JsonProblems.of(e);
            return problem(ProblemType.MALFORMED_REQUEST, problem.message(), List.of(problem));
        }
        try {
            return new Decision(200, json.valueToTree(Ratings.decide(ruleSet, parsed)));
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
