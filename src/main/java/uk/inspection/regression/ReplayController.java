package uk.inspection.regression;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.decision.DecisionKind;
import uk.inspection.decision.DecisionKinds;
import uk.inspection.problem.RequestLimits;
import uk.inspection.records.DecisionRecord;
import uk.inspection.records.VisibleDecisions;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ratings.RatingKind;
import uk.inspection.ruleset.RuleSetRegistry;

/**
 * A recorded decision replayed with the version that made it: here, not beside the
 * records, because answering needs every decision kind, and the kinds record their
 * decisions.
 */
@RestController
class ReplayController {

    private final VisibleDecisions decisions;

    private final RuleSetRegistry registry;

    private final ObjectMapper json;

    private final DecisionKinds kinds;

    private final InProcessApi api;

    ReplayController(VisibleDecisions decisions, RuleSetRegistry registry, ObjectMapper json, RequestLimits limits,
            DecisionKinds kinds) {
        this.decisions = decisions;
        this.registry = registry;
        this.json = json;
        this.kinds = kinds;
        this.api = new InProcessApi(kinds, limits);
    }

    /** Whether a replay gave the recorded answer, and where it differs if not. */
    record Replay(String decisionId, String rulesetVersion, boolean identical, int status, List<String> differences) {
    }

    @Operation(
            summary = "Re-evaluate a recorded request with the recorded version (from the rule store) and say whether"
                    + " the decision is identical, with every difference if not (same roles)")
    @PostMapping("/api/v1/decisions/{decision}/replay")
    Replay replay(@PathVariable String decision, HttpServletRequest http, Authentication user) throws IOException {
        DecisionRecord record = decisions.find(decision, http, user);
        JsonNode recorded = json.readTree(record.response());
        DecisionKind<?, ?> kind = asAnswered(kinds.recorded(record.kind()), recorded);
        // The recorded publication's instant, not the version's latest: the same rules
        // may have been published twice (a rollback), each from its own instant.
        JsonNode effectiveFrom = recorded.path("rulesetEffectiveFrom");
        RuleSet ruleSet = registry.lookup(record.framework(), kind.ruleSetKind(), record.rulesetVersion())
            .orElseThrow()
            .inForceFrom(effectiveFrom.isTextual() ? Instant.parse(effectiveFrom.asText()) : null);
        InProcessApi.Answer answer = api.answer(ruleSet, kind, json.readTree(record.request()));
        JsonNode replayed = answer.body();
        if (replayed instanceof ObjectNode object) {
            object.remove("decisionId");
        }
        List<String> differences = answer.status() == 200 ? JsonDifferences.between(recorded, replayed)
                : List.of("status: 200 → " + answer.status() + " " + replayed.path("detail").asText());
        return new Replay(record.id(), record.rulesetVersion(), differences.isEmpty(), answer.status(), differences);
    }

    /**
     * The kind as it answered: a rating answered with its margins
     * ({@code ?explain=margins}, which the recorded request does not carry) is replayed
     * with them, so that a replay gives the recorded answer.
     */
    private static DecisionKind<?, ?> asAnswered(DecisionKind<?, ?> kind, JsonNode recorded) {
        return kind instanceof RatingKind rating && recorded.path("keyQuestions").findParent("margins") != null
                ? rating.withMargins() : kind;
    }

}
