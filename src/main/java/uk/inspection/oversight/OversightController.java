package uk.inspection.oversight;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.web.UnknownFrameworkException;

@RestController
class OversightController {

    private final RuleSetRegistry registry;
    private final String ruleSetId;

    OversightController(RuleSetRegistry registry, @Value("${oversight.ruleset:yjb-oversight}") String ruleSetId) {
        this.registry = registry;
        this.ruleSetId = ruleSetId;
    }

    @Operation(summary = "Recommend a performance quadrant for one service's quarter, with the reason for every"
            + " criterion that fired, its consequences and grant compliance")
    @PostMapping(path = "/api/v1/oversight/assessments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    OversightResponse assess(@RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestBody OversightRequest request) {
        return Oversight.assess(ruleSet(pinnedVersion), request);
    }

    @Operation(summary = "Rank a quarter's raw KPI values nationally, classify every service, and summarise by quadrant")
    @PostMapping(path = "/api/v1/oversight/quarters", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    QuarterResponse quarter(@RequestHeader(name = "Ruleset-Version", required = false) String pinnedVersion,
            @RequestBody QuarterRequest request) {
        return Oversight.quarter(ruleSet(pinnedVersion), request);
    }

    private RuleSet ruleSet(String pinnedVersion) {
        RuleSet ruleSet = registry.require(ruleSetId, pinnedVersion);
        if (ruleSet.manifest().isRatings()) {
            throw UnknownFrameworkException.notA("oversight", ruleSetId, List.of());
        }
        return ruleSet;
    }
}
