package uk.inspection.shadow;

import java.io.IOException;
import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.ProblemType;

@RestController
class ShadowController {

    private final Shadows shadows;

    ShadowController(Shadows shadows) {
        this.shadows = shadows;
    }

    /** A draft's id, or a published rulesetVersion. */
    record Target(String draft, String version) {
    }

    @Operation(summary = "Shadow a framework's live decisions with a draft or a published version (methodology roles)")
    @PutMapping("/api/v1/frameworks/{framework}/shadow")
    Shadow.Report set(@PathVariable String framework, @RequestBody(required = false) Target target) throws IOException {
        if (target == null || (target.draft() == null) == (target.version() == null)) {
            throw Failure.invalidFacts(List.of(new FieldProblem("draft", "give a draft's id, or a version, not both")))
                .exception();
        }
        if (target.version() != null && target.version().isBlank()) {
            throw Failure
                .invalidFacts(List.of(new FieldProblem("version", "give a published rulesetVersion, sha256:…")))
                .exception();
        }
        return shadows.set(framework, target.draft(), target.version()).orElseThrow();
    }

    @Operation(summary = "What the shadow would have decided differently: counts, the transition matrix and the changed"
            + " decisions (methodology roles)")
    @GetMapping("/api/v1/frameworks/{framework}/shadow")
    Shadow.Report report(@PathVariable String framework) {
        return shadows.report(framework)
            .orElseThrow(() -> new Failure(ProblemType.NOT_FOUND, framework + " has no shadow", null).exception());
    }

    @Operation(summary = "Stop shadowing a framework (methodology roles)")
    @DeleteMapping("/api/v1/frameworks/{framework}/shadow")
    void clear(@PathVariable String framework) {
        shadows.clear(framework).orElseThrow();
    }

}
