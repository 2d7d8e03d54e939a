package uk.inspection.followup;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.records.DecisionRecord;
import uk.inspection.records.Recorded;
import uk.inspection.records.Recording;

@RestController
class FollowUpController {

    private final FollowUpService followUps;

    private final Recording recording;

    FollowUpController(FollowUpService followUps, Recording recording) {
        this.followUps = followUps;
        this.recording = recording;
    }

    @Operation(summary = "Follow up an inspection report's recommendations: who prepares the action plan, when it"
            + " and its progress update are due, who responds to each recommendation, and what is flagged")
    @PostMapping(path = "/api/v1/probation/follow-ups", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FollowUpResponse> decide(
            @RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestBody FollowUpRequest request, HttpServletRequest http) {
        long started = System.nanoTime();
        FollowUpResponse response = followUps.decide(pinnedVersion, request).orElseThrow();
        String id = recording.record(DecisionRecord.Kind.FOLLOW_UP, response.ruleset(), response.rulesetVersion(),
                request.report(), response.summary(), started, http, request, response);
        return Recorded.answer(response.withDecisionId(id), id);
    }

}
