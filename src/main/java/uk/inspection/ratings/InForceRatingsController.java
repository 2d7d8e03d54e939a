package uk.inspection.ratings;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import uk.inspection.decision.DecisionService;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.records.AnswerJson;
import uk.inspection.records.Recording;
import uk.inspection.ruleset.VersionWanted;

/**
 * Rates an inspection with the framework in force on the first day of its fieldwork
 * ({@link FrameworkInForce}), exactly as naming that framework in the path would, and
 * says which framework and why.
 */
@RestController
class InForceRatingsController {

    static final String PATH = "/api/v1/ratings";

    private final DecisionService decisions;

    private final RatingKind kind;

    private final DecisionKind<RatingRequest, RatingResponse> withMargins;

    private final Recording recording;

    private final FrameworkInForce inForce;

    InForceRatingsController(DecisionService decisions, DecisionKinds kinds, Recording recording,
            FrameworkInForce inForce) {
        this.decisions = decisions;
        this.kind = kinds.of(RatingKind.class);
        this.withMargins = kind.withMargins();
        this.recording = recording;
        this.inForce = inForce;
    }

    @Operation(summary = "Rate an inspection with the framework in force on its inspectionDate",
            description = "The request is a rating request for that framework with inspectionDate, the first day of"
                    + " fieldwork. The served ratings framework whose manifest's inForce window (both days included)"
                    + " holds the date rates it as POST /api/v1/frameworks/{framework}/ratings would; the answer"
                    + " adds chosenBy, the window that chose it (\"inForce 2021-06-01..2025-03-31\"), and names the"
                    + " framework in framework and ruleset. 422 naming inspectionDate when it is missing, or when no"
                    + " framework, or more than one, is in force that day (with every candidate and its window). The"
                    + " optional header Ruleset-As-Of picks the chosen framework's version in force at that instant"
                    + " (without it, the version in force now). Ruleset-Version is not taken here: 400 naming it.")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AnswerJson<RatingResponse>> rate(
            @RequestHeader(name = VersionWanted.PINNED_HEADER, required = false) String pinned,
            @RequestHeader(name = VersionWanted.AS_OF_HEADER, required = false) String asOf,
            @RequestBody RatingRequest request,
            @Parameter(description = Explain.DESCRIPTION) @RequestParam(name = Explain.PARAMETER,
                    required = false) String explain,
            HttpServletRequest http) {
        long started = System.nanoTime();
        if (pinned != null && !pinned.isBlank()) {
            // a pin names one framework's version before the date has chosen the
            // framework: refused, rather than answered with another version than the one
            // asked for
            throw Failure
                .malformed(new FieldProblem(VersionWanted.PINNED_HEADER,
                        "not taken here, where the inspection's date chooses the framework: pin a version on the"
                                + " framework's own path, POST /api/v1/frameworks/{framework}/ratings"))
                .exception();
        }
        DecisionKind<RatingRequest, RatingResponse> deciding = Explain.of(explain).margins() ? withMargins : kind;
        FrameworkInForce.Chosen chosen = inForce.on(request.inspectionDate());
        RatingResponse response = decisions.decide(deciding, chosen.framework(), new VersionWanted(null, asOf), request)
            .orElseThrow();
        return chosen.told(recording.answer(kind, request, response, started, http));
    }

}
