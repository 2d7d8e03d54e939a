package uk.inspection.ratings;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
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
class RatingsController {

    private final RatingService ratings;

    private final Recording recording;

    RatingsController(RatingService ratings, Recording recording) {
        this.ratings = ratings;
        this.recording = recording;
    }

    @Operation(summary = "Rate an inspection with a framework's rules",
            description = "Returns each key question, standard and the overall rating, the rule-set version and the"
                    + " rule behind each result, and the id the decision is recorded under (decisionId, and a Link"
                    + " header to its record). 422 names every field the rules cannot accept. The optional header"
                    + " Ruleset-Version evaluates with any version ever published (410 when there is none).")
    @PostMapping(path = "/api/v1/frameworks/{framework}/ratings", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RatingResponse> rate(@PathVariable String framework,
            @RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestBody RatingRequest request, HttpServletRequest http) {
        long started = System.nanoTime();
        RatingResponse response = ratings.rate(framework, pinnedVersion, request).orElseThrow();
        String id = recording.record(DecisionRecord.Kind.RATING, framework, response.rulesetVersion(),
                request.service(), response.summary(), started, http, request, response);
        return Recorded.answer(response.withDecisionId(id), id);
    }

}
