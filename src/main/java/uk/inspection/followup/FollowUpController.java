package uk.inspection.followup;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class FollowUpController {

    private final FollowUpService followUps;

    FollowUpController(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Operation(summary = "Follow up an inspection report's recommendations: who prepares the action plan, when it"
            + " and its progress update are due, who responds to each recommendation, and what is flagged")
    @PostMapping(path = "/api/v1/probation/follow-ups", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    FollowUpResponse decide(@RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestBody FollowUpRequest request) {
        return followUps.decide(pinnedVersion, request).orElseThrow();
    }

}
