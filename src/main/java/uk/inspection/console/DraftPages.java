package uk.inspection.console;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jgit.lib.ObjectId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import uk.inspection.diff.FileDiff;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleEngine;
import uk.inspection.engine.drools.DroolsRuleEngine;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.drafts.Draft;
import uk.inspection.drafts.DraftReview;
import uk.inspection.drafts.DraftReviews;
import uk.inspection.drafts.Drafts;
import uk.inspection.store.GitRuleStore;
import uk.inspection.drafts.StoreStep;
import uk.inspection.drafts.Uploads;
import uk.inspection.people.Person;

/**
 * A change from upload to publish: the upload makes a draft ({@link Drafts}), the draft's
 * page shows its review ({@link DraftReviews}) on the grids, and the approver approves or
 * rejects it there. Every refusal is the drafts workflow's own, shown on the page it came
 * from.
 */
@Controller
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class DraftPages {

    private final Drafts drafts;

    private final DraftReviews reviews;

    private final GitRuleStore store;

    private final RuleSetRegistry registry;

    private final ConsoleFormat format;

    private final RuleEngine engine = new DroolsRuleEngine();

    DraftPages(Drafts drafts, DraftReviews reviews, GitRuleStore store, RuleSetRegistry registry,
            ConsoleFormat format) {
        this.drafts = drafts;
        this.reviews = reviews;
        this.store = store;
        this.registry = registry;
        this.format = format;
    }

    @PostMapping("/console/frameworks/{framework}/drafts")
    String create(@PathVariable String framework,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String message, Person user, Model model, HttpServletResponse response)
            throws IOException {
        if (!registry.knows(framework)) {
            throw new ConsoleNotFound("There is no framework called " + framework + ".");
        }
        Decision<Draft> made = uploads(framework, files)
            .then(read -> StoreStep.unchecked(() -> drafts.create(framework, read, user, message)));
        if (made instanceof Decision.Refused<Draft> refused) {
            return refusal(refused.failure(), "/console/frameworks/" + framework, model, response);
        }
        return "redirect:/console/drafts/" + made.orElseThrow().id();
    }

    @PostMapping("/console/drafts/{draft}/files")
    String amend(@PathVariable("draft") String id,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Person user, Model model,
            HttpServletResponse response) throws IOException {
        Draft draft = find(id);
        Decision<Draft> amended = uploads(draft.framework(), files)
            .then(read -> StoreStep.unchecked(() -> drafts.amend(id, read, user)));
        return outcome(amended, "/console/drafts/" + id, model, response);
    }

    @GetMapping("/console/drafts/{draft}")
    String draft(@PathVariable("draft") String id, Person user, Model model) throws IOException {
        return page(find(id), user, model);
    }

    private String page(Draft draft, Person user, Model model) throws IOException {
        DraftReview review = reviews.review(draft);
        RuleSet served = registry.serving(draft.framework()).orElse(null);
        model.addAttribute("draft", draft);
        model.addAttribute("review", review);
        model.addAttribute("own", drafts.changedBy(draft, user).isPresent());
        model.addAttribute("grids", grids(draft, review));
        // A draft that does not build fails every fixture for that one reason, shown once
        // above.
        model.addAttribute("fixturesBlocked", !review.validation().isEmpty() && review.fixtures().passed() == 0);
        model.addAttribute("impact", review.impact() == null ? null
                : ImpactView.of(review.impact(), served == null ? null : served.manifest()));
        model.addAttribute("cellChanges",
                review.diff().stream().flatMap(d -> d.cells().stream().map(c -> new CellChange(d.path(), c))).toList());
        model.addAttribute("lineChanges", review.diff().stream().filter(d -> d.cells().isEmpty()).toList());
        return "console/draft";
    }

    /** A changed cell with the file it is in. */
    record CellChange(String file, FileDiff.CellChange cell) {
    }

    /**
     * Approves the draft at the head its page showed (the form's hidden field), to take
     * effect when the form says. A refusal of that instant is shown on its field, on the
     * draft's page with what was typed.
     */
    @PostMapping("/console/drafts/{draft}/approve")
    String approve(@PathVariable("draft") String id, @RequestParam(required = false) String message,
            @RequestParam(required = false) String head, @RequestParam(required = false) String effectiveDay,
            @RequestParam(required = false) String effectiveMonth, @RequestParam(required = false) String effectiveYear,
            @RequestParam(required = false) String effectiveTime, Person user, Model model,
            HttpServletResponse response, RedirectAttributes flash) throws IOException {
        Draft draft = find(id);
        TakesEffectFrom takesEffect = new TakesEffectFrom(new DateInput(effectiveDay, effectiveMonth, effectiveYear),
                effectiveTime);
        Decision<Instant> from = takesEffect.instant();
        Decision<Draft> approved = from
            .then(at -> StoreStep.unchecked(() -> drafts.approve(id, user, message, head, at)));
        if (approved instanceof Decision.Refused<Draft> refused) {
            Optional<FieldProblem> onField = refused.failure()
                .errors()
                .stream()
                .filter(e -> e.field().equals(TakesEffectFrom.FIELD))
                .findFirst();
            if (onField.isEmpty()) {
                return refusal(refused.failure(), "/console/drafts/" + id, model, response);
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("takesEffect", takesEffect);
            model.addAttribute("approveMessage", message);
            // the approval's words name the field first ("is in the past ...")
            String said = onField.get().message();
            model.addAttribute("effectiveFromError",
                    format.forPeople(said.startsWith("is ") ? "the date and time it takes effect from " + said : said));
            return page(draft, user, model);
        }
        flash.addFlashAttribute("publishedDraft", id);
        Instant scheduledFrom = from.orElseThrow();
        if (scheduledFrom != null) {
            flash.addFlashAttribute("scheduledFrom", scheduledFrom);
        }
        return "redirect:/console/frameworks/" + draft.framework();
    }

    @PostMapping("/console/drafts/{draft}/reject")
    String reject(@PathVariable("draft") String id, @RequestParam(required = false) String reason, Person user,
            Model model, HttpServletResponse response) throws IOException {
        find(id);
        if (reason == null || reason.isBlank()) {
            return refusal(
                    new Failure(uk.inspection.problem.ProblemType.INVALID_FACTS, "Give the reason for rejecting",
                            List.of(new FieldProblem("reason", "a rejection needs the reason"))),
                    "/console/drafts/" + id, model, response);
        }
        return outcome(drafts.reject(id, user, reason), "/console/drafts/" + id, model, response);
    }

    @PostMapping("/console/drafts/{draft}/withdraw")
    String withdraw(@PathVariable("draft") String id, Person user, Model model, HttpServletResponse response)
            throws IOException {
        find(id);
        return outcome(drafts.withdraw(id, user), "/console/drafts/" + id, model, response);
    }

    private String outcome(Decision<Draft> decision, String back, Model model, HttpServletResponse response) {
        if (decision instanceof Decision.Refused<Draft> refused) {
            return refusal(refused.failure(), back, model, response);
        }
        return "redirect:/console/drafts/" + decision.orElseThrow().id();
    }

    /** The store's refusal on a page: its words, the fields it names, the way back. */
    private static String refusal(Failure failure, String back, Model model, HttpServletResponse response) {
        response.setStatus(
                failure.type().status().value() >= 500 ? HttpStatus.CONFLICT.value() : failure.type().status().value());
        model.addAttribute("failure", failure);
        model.addAttribute("back", back);
        return "console/refused";
    }

    /**
     * The grids of the tables the draft changed, and of any table its problems are in,
     * read at the draft's head, its problems and changed cells marked.
     */
    private List<TableGrid> grids(Draft draft, DraftReview review) throws IOException {
        Set<String> paths = new LinkedHashSet<>(draft.files());
        review.validation().stream().map(LoadProblem::file).forEach(paths::add);
        Map<String, byte[]> files = TableGrid
            .tablesOnly(store.files(ObjectId.fromString(draft.head()), Drafts.folders(draft.framework())));
        List<TableGrid> grids = new ArrayList<>();
        for (String path : paths) {
            byte[] content = files.get(path);
            if (content != null) {
                List<FileDiff.CellChange> changes = review.diff()
                    .stream()
                    .filter(d -> d.path().equals(path))
                    .flatMap(d -> d.cells().stream())
                    .toList();
                grids.addAll(TableGrid.of(engine, path, content, review.validation(), changes));
            }
        }
        return grids;
    }

    private Draft find(String id) throws IOException {
        return drafts.find(id).orElseThrow(() -> new ConsoleNotFound("There is no draft " + id + "."));
    }

    /**
     * The files chosen, placed and checked by the drafts' rules for uploads (a browser
     * sends a file's name without its folder).
     */
    private Decision<Map<String, byte[]>> uploads(String framework, List<MultipartFile> files) throws IOException {
        List<Uploads.Part> parts = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            String name = file.getOriginalFilename();
            if (name == null || name.isBlank()) {
                continue; // the empty part a browser sends when no file was chosen
            }
            parts.add(new Uploads.Part("files", name, file.getBytes()));
        }
        return drafts.uploads(framework, parts);
    }

}
