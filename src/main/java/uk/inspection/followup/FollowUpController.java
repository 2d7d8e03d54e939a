package uk.inspection.followup;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.decision.DecisionKinds;
import uk.inspection.ruleset.VersionWanted;
import uk.inspection.decision.DecisionService;
import uk.inspection.records.AnswerJson;
import uk.inspection.records.Recording;

@RestController
class FollowUpController {

    private final DecisionService decisions;

    private final FollowUpKind kind;

    private final Recording recording;

    /** The follow-up rule set being served ({@code probation.follow-up.ruleset}). */
    private final String ruleSet;

    FollowUpController(DecisionService decisions, DecisionKinds kinds, Recording recording,
            @Value("${probation.follow-up.ruleset:probation-follow-up}") String ruleSet) {
        this.decisions = decisions;
        this.kind = kinds.of(FollowUpKind.class);
        this.recording = recording;
        this.ruleSet = ruleSet;
    }

    @Operation(summary = "Follow up an inspection report's recommendations: who prepares the action plan, when it"
            + " and its progress update are due, who responds to each recommendation, and what is flagged")
    @PostMapping(path = FollowUpKind.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AnswerJson<FollowUpResponse>> decide(
            @RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestHeader(name = "Ruleset-As-Of", required = false) String asOf, @RequestBody FollowUpRequest request,
            HttpServletRequest http) {
        long started = System.nanoTime();
        FollowUpResponse response = decisions.decide(kind, ruleSet, new VersionWanted(pinnedVersion, asOf), request)
            .orElseThrow();
        return recording.answer(kind, request, response, started, http);
    }

}
