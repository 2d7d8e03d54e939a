package uk.inspection.ratings;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class RatingsController {

    private final RatingService ratings;

    RatingsController(RatingService ratings) {
        this.ratings = ratings;
    }

    @Operation(summary = "Rate an inspection with a framework's rules",
            description = "Returns each key question, standard and the overall rating, the rule-set version and the"
                    + " rule behind each result. 422 names every field the rules cannot accept. The optional header"
                    + " Ruleset-Version evaluates with a kept earlier version (410 when no longer kept).")
    @PostMapping(path = "/api/v1/frameworks/{framework}/ratings", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RatingResponse rate(@PathVariable String framework,
            @RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestBody RatingRequest request) {
        return ratings.rate(framework, pinnedVersion, request).orElseThrow();
    }

}
