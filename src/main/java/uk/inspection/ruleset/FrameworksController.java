package uk.inspection.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import uk.inspection.problem.Failure;
import uk.inspection.problem.Page;

@RestController
class FrameworksController {

    private final RuleSetRegistry registry;

    private final Withdrawals withdrawals;

    private final Clock clock;

    FrameworksController(RuleSetRegistry registry, Withdrawals withdrawals, Clock clock) {
        this.registry = registry;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    @Operation(summary = "The frameworks found under the rules home, with the rule-set version each is serving")
    @GetMapping("/api/v1/frameworks")
    List<FrameworkView> frameworks() {
        return registry.frameworks()
            .entrySet()
            .stream()
            .map(e -> FrameworkView
                .of(e.getKey(), e.getValue().orElse(null), published(e.getValue().orElse(null)),
                        registry.lastLoad(e.getKey()).orElseThrow(), withdrawals.of(e.getKey()), false)
                .damaged(registry.source().damaged(e.getKey()).orElse(null)))
            .toList();
    }

    @Operation(summary = "Every published version of a framework, newest first, with author, approver, message,"
            + " time and changed files, and when each takes effect: effectiveFrom, effectiveUntil (when the next took"
            + " over or is scheduled to) and state (scheduled, in-force, superseded, cancelled); the last built ones"
            + " in the development mode; paged (methodology roles)")
    @GetMapping("/api/v1/frameworks/{framework}/versions")
    List<VersionView> versions(@PathVariable String framework, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        Page asked = Page.of(page, size, 1_000);
        List<RuleSetRegistry.KeptVersion> kept = registry.versions(framework);
        String serving = kept.get(0).ruleSet().version();
        List<VersionView> all = registry.source()
            .published(framework)
            .map(published -> EffectiveDates.windows(published, clock.instant())
                .stream()
                .map(w -> new VersionView(w.version().rulesetVersion(), w.version().commit(), w.version().publishedAt(),
                        w.version().author(), w.version().approver(), w.version().message(), w.version().changedFiles(),
                        w.state() == EffectiveDates.State.IN_FORCE, w.effectiveFrom(), w.effectiveUntil(), w.state(),
                        w.version().cancelled()))
                .toList())
            .orElseGet(() -> kept.stream()
                .map(v -> new VersionView(v.ruleSet().version(), null, v.ruleSet().loadedAt(), null, null, null,
                        v.changedFiles(), v.ruleSet().version().equals(serving), null, null, null, null))
                .toList());
        long from = asked.from();
        long to = from + asked.size();
        return all.subList((int) Math.min(from, all.size()), (int) Math.min(to, all.size()));
    }

    @Operation(summary = "Rebuild a framework from its files now; served only if it builds and passes validation"
            + " (role methodology; editor and approver may not)")
    @PostMapping("/api/v1/frameworks/{framework}/reload")
    FrameworkView reload(@PathVariable String framework) {
        if (!registry.knows(framework)) {
            throw Failure.unknownFramework(framework, registry.frameworks().keySet()).exception();
        }
        registry.load(framework);
        return framework(framework);
    }

    /**
     * One version: its hash, the store commit that published it, when (published, or
     * loaded in the development mode), by whom, approved by whom, with what message,
     * which files changed from the one before, whether it is serving (in force now), and
     * in the store mode its effective window, its state and its cancellation if any.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VersionView(String rulesetVersion, String commit, Instant loadedAt, String author, String approver,
            String message, List<String> changedFiles, boolean serving, Instant effectiveFrom, Instant effectiveUntil,
            EffectiveDates.State state, PublishedVersion.Cancellation cancelled) {
    }

    @Operation(summary = "One framework, with the files it was built from and how its last load went")
    @GetMapping("/api/v1/frameworks/{framework}")
    FrameworkView framework(@PathVariable String framework) {
        LoadStatus lastLoad = registry.lastLoad(framework)
            .orElseThrow(() -> Failure.unknownFramework(framework, registry.frameworks().keySet()).exception());
        RuleSet serving = registry.serving(framework).orElse(null);
        return FrameworkView.of(framework, serving, published(serving), lastLoad, withdrawals.of(framework), true)
            .damaged(registry.source().damaged(framework).orElse(null));
    }

    /** When and by whom the rule set's version was published, in the store mode. */
    private PublishedVersion published(RuleSet ruleSet) {
        if (ruleSet == null) {
            return null;
        }
        return registry.source()
            .published(ruleSet.id())
            .flatMap(
                    versions -> versions.stream().filter(v -> v.rulesetVersion().equals(ruleSet.version())).findFirst())
            .orElse(null);
    }

}
