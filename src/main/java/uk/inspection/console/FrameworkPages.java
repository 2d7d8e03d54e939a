package uk.inspection.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.inspection.diff.FileDiff;
import uk.inspection.diff.RuleDiff;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleEngine;
import uk.inspection.engine.drools.DroolsRuleEngine;
import uk.inspection.ruleset.EffectiveDates;
import uk.inspection.ruleset.LoadStatus;
import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.drafts.Draft;
import uk.inspection.drafts.Drafts;
import uk.inspection.store.GitRuleStore;

/**
 * The frameworks served and one framework as the team reads it: its standards, its tables
 * as grids, its DRL, its drafts and every published version with what it changed.
 */
@Controller
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class FrameworkPages {

    /** How many of a broken framework's errors the list shows. */
    private static final int FIRST_ERRORS = 3;

    private final RuleSetRegistry registry;

    private final GitRuleStore store;

    private final Drafts drafts;

    private final RuleEngine engine = new DroolsRuleEngine();

    private final Clock clock;

    private final ConsoleFormat format;

    private final RuleDiff diff = new RuleDiff();

    FrameworkPages(RuleSetRegistry registry, GitRuleStore store, Drafts drafts, Clock clock, ConsoleFormat format) {
        this.registry = registry;
        this.store = store;
        this.drafts = drafts;
        this.clock = clock;
        this.format = format;
    }

    /**
     * A framework in the list: what it serves, who published it, how its last load went.
     */
    record Listed(String id, String name, String version, PublishedVersion published, LoadStatus lastLoad,
            List<LoadProblem> firstErrors) {
    }

    /**
     * A published version on the timeline: its effective window and state now, what it
     * changed from the one before, and for a scheduled version how long until it takes
     * effect and whether it is the one an approver may cancel (the latest).
     */
    record Version(PublishedVersion version, EffectiveDates.Window window, List<FileDiff> diff, String countdown,
            long secondsToGo, boolean cancellable) {

        public String state() {
            return window.state().label();
        }

    }

    /** A DRL file or manifest, as text. */
    record TextFile(String path, String text) {
    }

    @GetMapping("/console")
    String frameworks(Model model) {
        List<Listed> listed = new ArrayList<>();
        registry.frameworks().forEach((id, ruleSet) -> {
            LoadStatus load = registry.lastLoad(id).orElse(null);
            List<LoadProblem> errors = load == null || load.errors() == null ? List.of()
                    : load.errors().stream().limit(FIRST_ERRORS).toList();
            RuleSet served = ruleSet.orElse(null);
            listed.add(new Listed(id, served == null ? id : served.manifest().name(),
                    served == null ? null : served.version(), published(id, served), load, errors));
        });
        model.addAttribute("frameworks", listed);
        return "console/frameworks";
    }

    @GetMapping("/console/frameworks/{framework}")
    String framework(@PathVariable String framework, Model model) throws IOException {
        if (!registry.knows(framework)) {
            throw new ConsoleNotFound("There is no framework called " + framework + ".");
        }
        RuleSet served = registry.serving(framework).orElse(null);
        Map<String, byte[]> files = store.files(store.head(GitRuleStore.PUBLISHED), Drafts.folders(framework));
        model.addAttribute("id", framework);
        model.addAttribute("ruleSet", served);
        model.addAttribute("published", published(framework, served));
        model.addAttribute("lastLoad", registry.lastLoad(framework).orElse(null));
        model.addAttribute("grids", grids(files));
        model.addAttribute("texts", texts(files));
        model.addAttribute("drafts", drafts.list(framework).stream().filter(Draft::isOpen).toList());
        List<Version> versions = versions(framework);
        model.addAttribute("versions", versions);
        // the next to take effect: the oldest scheduled, as the list is newest first
        model.addAttribute("next",
                versions.stream()
                    .filter(v -> v.window().state() == EffectiveDates.State.SCHEDULED)
                    .reduce((newer, older) -> older)
                    .orElse(null));
        return "console/framework";
    }

    private List<TableGrid> grids(Map<String, byte[]> files) {
        List<TableGrid> grids = new ArrayList<>();
        TableGrid.tablesOnly(files)
            .forEach((path, content) -> grids.addAll(TableGrid.of(engine, path, content, List.of(), List.of())));
        return grids;
    }

    private static List<TextFile> texts(Map<String, byte[]> files) {
        return files.entrySet()
            .stream()
            .filter(f -> f.getKey().endsWith(".drl") || f.getKey().endsWith(".yaml"))
            .map(f -> new TextFile(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8)))
            .toList();
    }

    /**
     * Every published version, newest first, with its window and state at the service's
     * now and its diff from the one before.
     */
    private List<Version> versions(String framework) throws IOException {
        List<PublishedVersion> published = registry.source().published(framework).orElse(List.of());
        Instant now = clock.instant();
        List<EffectiveDates.Window> windows = EffectiveDates.windows(published, now);
        PublishedVersion latest = EffectiveDates.latest(published).orElse(null);
        List<Version> versions = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            PublishedVersion version = published.get(i);
            EffectiveDates.Window window = windows.get(i);
            List<FileDiff> changes = List.of();
            if (i + 1 < published.size()) {
                List<String> folders = Drafts.folders(framework);
                changes = diff.between(store.files(ObjectId.fromString(published.get(i + 1).commit()), folders),
                        store.files(ObjectId.fromString(version.commit()), folders));
            }
            boolean scheduled = window.state() == EffectiveDates.State.SCHEDULED;
            versions.add(new Version(version, window, changes,
                    scheduled ? format.countdown(window.effectiveFrom(), now) : null,
                    scheduled ? Duration.between(now, window.effectiveFrom()).toSeconds() : 0,
                    scheduled && version == latest));
        }
        return versions;
    }

    private PublishedVersion published(String framework, RuleSet ruleSet) {
        if (ruleSet == null) {
            return null;
        }
        return registry.source()
            .published(framework)
            .flatMap(
                    versions -> versions.stream().filter(v -> v.rulesetVersion().equals(ruleSet.version())).findFirst())
            .orElse(null);
    }

}
