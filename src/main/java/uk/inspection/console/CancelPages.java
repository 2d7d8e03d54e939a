package uk.inspection.console;

import java.io.IOException;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import uk.inspection.drafts.Drafts;
import uk.inspection.people.Person;
import uk.inspection.problem.Decision;
import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.ruleset.RuleSetRegistry;

/**
 * An approver cancels a version scheduled to take effect later: a form that asks why,
 * then the framework's page showing it cancelled. Whether it may still be cancelled is
 * the drafts workflow's to say ({@link Drafts#cancel}); its refusal is shown as the other
 * refusals are.
 */
@Controller
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class CancelPages {

    private final RuleSetRegistry registry;

    private final Drafts drafts;

    private final Clock clock;

    private final ConsoleFormat format;

    CancelPages(RuleSetRegistry registry, Drafts drafts, Clock clock, ConsoleFormat format) {
        this.registry = registry;
        this.drafts = drafts;
        this.clock = clock;
        this.format = format;
    }

    @GetMapping("/console/frameworks/{framework}/versions/{version}/cancel")
    String form(@PathVariable String framework, @PathVariable String version, Model model) {
        return page(framework, published(framework, version), model);
    }

    @PostMapping("/console/frameworks/{framework}/versions/{version}/cancel")
    String cancel(@PathVariable String framework, @PathVariable String version,
            @RequestParam(required = false) String reason, Person user, Model model, HttpServletResponse response,
            RedirectAttributes flash) throws IOException {
        PublishedVersion scheduled = published(framework, version);
        if (reason == null || reason.isBlank()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("reasonError", "Enter why the version is cancelled");
            return page(framework, scheduled, model);
        }
        Decision<PublishedVersion> cancelled = drafts.cancel(framework, scheduled.rulesetVersion(), user,
                reason.strip());
        if (cancelled instanceof Decision.Refused<PublishedVersion> refused) {
            response.setStatus(refused.failure().type().status().value());
            model.addAttribute("failure", refused.failure());
            model.addAttribute("back", "/console/frameworks/" + framework);
            return "console/refused";
        }
        flash.addFlashAttribute("cancelledVersion", scheduled.rulesetVersion());
        return "redirect:/console/frameworks/" + framework;
    }

    private String page(String framework, PublishedVersion version, Model model) {
        model.addAttribute("id", framework);
        model.addAttribute("version", version);
        model.addAttribute("countdown", format.countdown(version.effectiveFrom(), clock.instant()));
        return "console/cancel";
    }

    /** The version of the framework published with that hash, not cancelled already. */
    private PublishedVersion published(String framework, String version) {
        return registry.source()
            .published(framework)
            .flatMap(versions -> versions.stream()
                .filter(v -> v.rulesetVersion().equals(version) && !v.wasCancelled())
                .findFirst())
            .orElseThrow(() -> new ConsoleNotFound(
                    "There is no version " + version + " of " + framework + " that could be cancelled."));
    }

}
