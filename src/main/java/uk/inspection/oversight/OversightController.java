package uk.inspection.oversight;

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
class OversightController {

    private final DecisionService decisions;

    private final AssessmentKind assessment;

    private final QuarterKind quarter;

    private final Recording recording;

    /** The oversight rule set being served ({@code oversight.ruleset}). */
    private final String ruleSet;

    OversightController(DecisionService decisions, DecisionKinds kinds, Recording recording,
            @Value("${oversight.ruleset:yjb-oversight}") String ruleSet) {
        this.decisions = decisions;
        this.assessment = kinds.of(AssessmentKind.class);
        this.quarter = kinds.of(QuarterKind.class);
        this.recording = recording;
        this.ruleSet = ruleSet;
    }

    @Operation(summary = "Recommend a performance quadrant for one service's quarter, with the reason for every"
            + " criterion that fired, its consequences and grant compliance")
    @PostMapping(path = AssessmentKind.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AnswerJson<OversightResponse>> assess(
            @RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestHeader(name = "Ruleset-As-Of", required = false) String asOf, @RequestBody OversightRequest request,
            HttpServletRequest http) {
        long started = System.nanoTime();
        OversightResponse response = decisions
            .decide(assessment, ruleSet, new VersionWanted(pinnedVersion, asOf), request)
            .orElseThrow();
        return recording.answer(assessment, request, response, started, http);
    }

    @Operation(
            summary = "Rank a quarter's raw KPI values nationally, classify every service, and summarise by quadrant")
    @PostMapping(path = QuarterKind.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AnswerJson<QuarterResponse>> quarter(
            @RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestHeader(name = "Ruleset-As-Of", required = false) String asOf, @RequestBody QuarterRequest request,
            HttpServletRequest http) {
        long started = System.nanoTime();
        QuarterResponse response = decisions.decide(quarter, ruleSet, new VersionWanted(pinnedVersion, asOf), request)
            .orElseThrow();
        return recording.answer(quarter, request, response, started, http);
    }

}
