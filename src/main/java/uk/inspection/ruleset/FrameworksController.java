package uk.inspection.ruleset;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import uk.inspection.web.UnknownFrameworkException;

@RestController
class FrameworksController {

    private final RuleSetRegistry registry;

    FrameworksController(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "The frameworks found under the rules home, with the rule-set version each is serving")
    @GetMapping("/api/v1/frameworks")
    List<FrameworkView> frameworks() {
        return registry.frameworks().entrySet().stream()
                .map(e -> FrameworkView.of(e.getKey(), e.getValue().orElse(null),
                        registry.lastLoad(e.getKey()).orElseThrow(), false))
                .toList();
    }

    @Operation(summary = "One framework, with the files it was built from and how its last load went")
    @GetMapping("/api/v1/frameworks/{framework}")
    FrameworkView framework(@PathVariable String framework) {
        LoadStatus lastLoad = registry.lastLoad(framework)
                .orElseThrow(() -> new UnknownFrameworkException(framework, registry.frameworks().keySet()));
        return FrameworkView.of(framework, registry.serving(framework).orElse(null), lastLoad, true);
    }
}
