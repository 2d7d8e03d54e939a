package uk.inspection.regression;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.followup.FollowUpRequest;
import uk.inspection.followup.FollowUps;
import uk.inspection.oversight.Oversight;
import uk.inspection.oversight.OversightRequest;
import uk.inspection.oversight.QuarterRequest;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.JsonProblems;
import uk.inspection.problem.ProblemType;
import uk.inspection.problem.Problems;
import uk.inspection.problem.RequestLimits;
import uk.inspection.problem.StrictJson;
import uk.inspection.ratings.RatingRequest;
import uk.inspection.ratings.Ratings;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;

/**
 * The HTTP API's answers, in-process: a request decided with a rule set as the API would
 * decide it, with the same JSON reading, the same status and the same body (problems
 * through the same {@link Problems} mapping). The command line runs fixtures and
 * comparisons with it, without a server. A request whose rules run away is decided once
 * more ({@link Decision#confirmed}): one runaway verdict may be a cold JVM, and a run
 * must not fail for it.
 */
public final class InProcessApi {

    private final ObjectMapper json = StrictJson.mapper();

    private final RequestLimits limits;

    /** With the limits the command line answers with. */
    public InProcessApi() {
        this(RequestLimits.DEFAULTS);
    }

    /**
     * With the service's configured limits: a replay or a shadow must refuse exactly what
     * the live answer refused, and no more.
     */
    public InProcessApi(RequestLimits limits) {
        this.limits = limits;
    }

    /** The status and body the HTTP API would answer. */
    public record Answer(int status, JsonNode body) {
    }

    /** A ratings request. */
    public Answer answer(RuleSet ruleSet, JsonNode request) {
        return answer(ruleSet, null, request);
    }

    /**
     * A ratings request ({@code endpoint} null), an oversight one ({@code assessments} or
     * {@code quarters}) or a probation follow-up ({@code follow-ups}).
     */
    public Answer answer(RuleSet ruleSet, String endpoint, JsonNode request) {
        Endpoint known = Endpoint.named(endpoint).orElse(null);
        if (known == null) {
            return problem(new Failure(ProblemType.NOT_FOUND, "no endpoint " + endpoint, null), "/api/v1/" + endpoint);
        }
        String path = known.path(ruleSet.id());
        if (ruleSet.manifest().kind() != known.kind()) {
            return problem(Failure.notA(known.kind().label(), ruleSet.id(), List.of()), path);
        }
        return switch (known) {
            case RATINGS ->
                answer(request, path, RatingRequest.class, parsed -> Ratings.decide(ruleSet, parsed, limits));
            case ASSESSMENTS ->
                answer(request, path, OversightRequest.class, parsed -> Oversight.assess(ruleSet, parsed, limits));
            case QUARTERS ->
                answer(request, path, QuarterRequest.class, parsed -> Oversight.quarter(ruleSet, parsed, limits));
            case FOLLOW_UPS ->
                answer(request, path, FollowUpRequest.class, parsed -> FollowUps.decide(ruleSet, parsed, limits));
        };
    }

    private <T, R> Answer answer(JsonNode request, String path, Class<T> type, Function<T, Decision<R>> decide) {
        T parsed;
        try {
            parsed = json.treeToValue(request, type);
        }
        catch (JsonProcessingException | IllegalArgumentException e) {
            return problem(Failure.malformed(JsonProblems.of(e)), path);
        }
        if (parsed == null) {
            return problem(Failure.malformed(JsonProblems.of(null)), path);
        }
        Decision<R> decision = Decision.confirmed(() -> decide.apply(parsed));
        if (decision instanceof Decision.Refused<R> refused) {
            return problem(refused.failure(), path);
        }
        return new Answer(200, json.valueToTree(((Decision.Decided<R>) decision).value()));
    }

    private Answer problem(Failure failure, String path) {
        return new Answer(failure.type().status().value(), json.valueToTree(Problems.of(failure, path)));
    }

    /** The body as the HTTP API writes it, byte for byte. */
    public byte[] bytes(Answer answer) throws JsonProcessingException {
        return json.writeValueAsBytes(answer.body());
    }

}
