package uk.inspection.oversight;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class OversightController {

    private final OversightService oversight;

    OversightController(OversightService oversight) {
        this.oversight = oversight;
    }

    @Operation(summary = "Recommend a performance quadrant for one service's quarter, with the reason for every"
            + " criterion that fired, its consequences and grant compliance")
    @PostMapping(path = "/api/v1/oversight/assessments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    OversightResponse assess(@RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestBody OversightRequest request) {
        return oversight.assess(pinnedVersion, request).orElseThrow();
    }

    @Operation(
            summary = "Rank a quarter's raw KPI values nationally, classify every service, and summarise by quadrant")
    @PostMapping(path = "/api/v1/oversight/quarters", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    QuarterResponse quarter(@RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestBody QuarterRequest request) {
        return oversight.quarter(pinnedVersion, request).orElseThrow();
    }

}
