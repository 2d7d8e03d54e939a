package uk.inspection.regression;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.decision.DecisionKind;
import uk.inspection.decision.DecisionKinds;
import uk.inspection.decision.DecisionPipeline;
import uk.inspection.decision.DecisionResponse;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.JsonProblems;
import uk.inspection.problem.ProblemType;
import uk.inspection.problem.Problems;
import uk.inspection.problem.RequestLimits;
import uk.inspection.problem.StrictJson;
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

    private final DecisionKinds kinds;

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
        this(DecisionKinds.installed(), limits);
    }

    /** With these kinds and limits. */
    public InProcessApi(DecisionKinds kinds, RequestLimits limits) {
        this.kinds = kinds;
        this.limits = limits;
    }

    /** The status and body the HTTP API would answer. */
    public record Answer(int status, JsonNode body) {
    }

    /** A ratings request. */
    public Answer answer(RuleSet ruleSet, JsonNode request) {
        return answer(ruleSet, (String) null, request);
    }

    /**
     * A request to the kind a fixture's {@code endpoint} names: a ratings request
     * ({@code endpoint} null), an oversight one ({@code assessments} or {@code quarters})
     * or a probation follow-up ({@code follow-ups}).
     */
    public Answer answer(RuleSet ruleSet, String endpoint, JsonNode request) {
        Optional<DecisionKind<?, ?>> known = kinds.endpoint(endpoint);
        if (known.isEmpty()) {
            return problem(new Failure(ProblemType.NOT_FOUND, "no endpoint " + endpoint, null), "/api/v1/" + endpoint);
        }
        return answer(ruleSet, known.get(), request);
    }

    /** A request of this kind. */
    public Answer answer(RuleSet ruleSet, DecisionKind<?, ?> kind, JsonNode request) {
        String path = kind.path(ruleSet.id());
        if (ruleSet.manifest().kind() != kind.ruleSetKind()) {
            return problem(Failure.notA(kind.ruleSetKind().label(), ruleSet.id(), List.of()), path);
        }
        return decided(ruleSet, kind, request, path);
    }

    private <Q, R extends DecisionResponse> Answer decided(RuleSet ruleSet, DecisionKind<Q, R> kind, JsonNode request,
            String path) {
        Q parsed;
        try {
            parsed = json.treeToValue(request, kind.requestType());
        }
        catch (JsonProcessingException | IllegalArgumentException e) {
            return problem(Failure.malformed(JsonProblems.of(e)), path);
        }
        if (parsed == null) {
            return problem(Failure.malformed(JsonProblems.of(null)), path);
        }
        Decision<R> decision = Decision.confirmed(() -> DecisionPipeline.decide(kind, ruleSet, parsed, limits));
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
