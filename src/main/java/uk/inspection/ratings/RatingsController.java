package uk.inspection.ratings;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.decision.DecisionKind;
import uk.inspection.decision.DecisionKinds;
import uk.inspection.ruleset.VersionWanted;
import uk.inspection.decision.DecisionService;
import uk.inspection.records.AnswerJson;
import uk.inspection.records.Recording;

@RestController
class RatingsController {

    private final DecisionService decisions;

    private final RatingKind kind;

    private final DecisionKind<RatingRequest, RatingResponse> withMargins;

    private final Recording recording;

    RatingsController(DecisionService decisions, DecisionKinds kinds, Recording recording) {
        this.decisions = decisions;
        this.kind = kinds.of(RatingKind.class);
        this.withMargins = kind.withMargins();
        this.recording = recording;
    }

    @Operation(summary = "Rate an inspection with a framework's rules",
            description = "Returns each key question, standard and the overall rating, the rule-set version and the"
                    + " rule behind each result, and the id the decision is recorded under (decisionId, and a Link"
                    + " header to its record). 422 names every field the rules cannot accept. The optional header"
                    + " Ruleset-Version evaluates with any version ever published (410 when there is none).")
    @PostMapping(path = RatingKind.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AnswerJson<RatingResponse>> rate(@PathVariable String framework,
            @RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestHeader(name = "Ruleset-As-Of", required = false) String asOf, @RequestBody RatingRequest request,
            @Parameter(description = Explain.DESCRIPTION) @RequestParam(name = Explain.PARAMETER,
                    required = false) String explain,
            HttpServletRequest http) {
        long started = System.nanoTime();
        DecisionKind<RatingRequest, RatingResponse> deciding = Explain.of(explain).margins() ? withMargins : kind;
        RatingResponse response = decisions.decide(deciding, framework, new VersionWanted(pinnedVersion, asOf), request)
            .orElseThrow();
        return recording.answer(kind, request, response, started, http);
    }

}
