package uk.inspection.oversight;

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
class OversightController {

    private final OversightService oversight;

    private final Recording recording;

    OversightController(OversightService oversight, Recording recording) {
        this.oversight = oversight;
        this.recording = recording;
    }

    @Operation(summary = "Recommend a performance quadrant for one service's quarter, with the reason for every"
            + " criterion that fired, its consequences and grant compliance")
    @PostMapping(path = "/api/v1/oversight/assessments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OversightResponse> assess(
            @RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestBody OversightRequest request, HttpServletRequest http) {
        long started = System.nanoTime();
        OversightResponse response = oversight.assess(pinnedVersion, request).orElseThrow();
        String id = recording.record(DecisionRecord.Kind.ASSESSMENT, response.ruleset(), response.rulesetVersion(),
                request.service(), response.summary(), started, http, request, response);
        return Recorded.answer(response.withDecisionId(id), id);
    }

    @Operation(
            summary = "Rank a quarter's raw KPI values nationally, classify every service, and summarise by quadrant")
    @PostMapping(path = "/api/v1/oversight/quarters", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QuarterResponse> quarter(
            @RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestBody QuarterRequest request, HttpServletRequest http) {
        long started = System.nanoTime();
        QuarterResponse response = oversight.quarter(pinnedVersion, request).orElseThrow();
        String id = recording.record(DecisionRecord.Kind.QUARTER, response.ruleset(), response.rulesetVersion(), null,
                "QUARTER", started, http, request, response);
        return Recorded.answer(response.withDecisionId(id), id);
    }

}
