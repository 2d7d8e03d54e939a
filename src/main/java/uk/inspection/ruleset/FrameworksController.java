package uk.inspection.ruleset;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import uk.inspection.problem.Failure;

@RestController
class FrameworksController {

    private final RuleSetRegistry registry;

    private final Withdrawals withdrawals;

    FrameworksController(RuleSetRegistry registry, Withdrawals withdrawals) {
        this.registry = registry;
        this.withdrawals = withdrawals;
    }

    @Operation(summary = "The frameworks found under the rules home, with the rule-set version each is serving")
    @GetMapping("/api/v1/frameworks")
    List<FrameworkView> frameworks() {
        return registry.frameworks()
            .entrySet()
            .stream()
            .map(e -> FrameworkView.of(e.getKey(), e.getValue().orElse(null),
                    registry.lastLoad(e.getKey()).orElseThrow(), withdrawals.of(e.getKey()), false))
            .toList();
    }

    @Operation(summary = "The kept good versions of a framework, newest first (methodology role)")
    @GetMapping("/api/v1/frameworks/{framework}/versions")
    List<VersionView> versions(@PathVariable String framework) {
        List<RuleSetRegistry.KeptVersion> versions = registry.versions(framework);
        return versions.stream()
            .map(v -> new VersionView(v.ruleSet().version(), v.ruleSet().loadedAt(), v.changedFiles(),
                    v == versions.get(0)))
            .toList();
    }

    @Operation(summary = "Rebuild a framework from its files now; served only if it builds and passes validation"
            + " (methodology role)")
    @PostMapping("/api/v1/frameworks/{framework}/reload")
    FrameworkView reload(@PathVariable String framework) {
        if (registry.lastLoad(framework).isEmpty() && !RuleSetFiles.frameworks(registry.home()).contains(framework)) {
            throw Failure.unknownFramework(framework, registry.frameworks().keySet()).exception();
        }
        registry.load(framework);
        return framework(framework);
    }

    /**
     * One kept version: its hash, when it was loaded, which files changed from the one
     * before, whether it is serving.
     */
    record VersionView(String rulesetVersion, Instant loadedAt, List<String> changedFiles, boolean serving) {
    }

    @Operation(summary = "One framework, with the files it was built from and how its last load went")
    @GetMapping("/api/v1/frameworks/{framework}")
    FrameworkView framework(@PathVariable String framework) {
        LoadStatus lastLoad = registry.lastLoad(framework)
            .orElseThrow(() -> Failure.unknownFramework(framework, registry.frameworks().keySet()).exception());
        return FrameworkView.of(framework, registry.serving(framework).orElse(null), lastLoad,
                withdrawals.of(framework), true);
    }

}
