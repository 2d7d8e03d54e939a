package uk.inspection.console;

import java.io.IOException;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import uk.inspection.drafts.Draft;
import uk.inspection.drafts.Drafts;
import uk.inspection.files.Downloads;
import uk.inspection.files.FrameworkFiles;
import uk.inspection.files.PublishedFiles;
import uk.inspection.problem.FailureException;
import uk.inspection.ruleset.VersionWanted;
import uk.inspection.store.StoreRules;

/**
 * The files the API hands out ({@code /api/v1/frameworks/{id}/files}, docs/api.md "Files
 * out"), for a person signed in to the console, whose session covers only
 * {@code /console}: the same bytes, the same names with the version in them. The version
 * is a query parameter here, {@code ?version=sha256:<12 or more hex digits>}, where the
 * API takes the header {@code Ruleset-Version}.
 */
@Controller
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class FilePages {

    private final PublishedFiles published;

    private final Drafts drafts;

    private final StoreRules rules;

    private final ConsoleFormat format;

    FilePages(PublishedFiles published, Drafts drafts, StoreRules rules, ConsoleFormat format) {
        this.published = published;
        this.drafts = drafts;
        this.rules = rules;
        this.format = format;
    }

    @GetMapping("/console/frameworks/{framework}/files/{*path}")
    ResponseEntity<byte[]> file(@PathVariable String framework, @PathVariable String path,
            @RequestParam(required = false) String version) throws IOException {
        return Downloads.file(at(framework, version), relative(path), "at that version");
    }

    @GetMapping("/console/frameworks/{framework}/files.zip")
    ResponseEntity<byte[]> zip(@PathVariable String framework, @RequestParam(required = false) String version)
            throws IOException {
        return Downloads.zip(at(framework, version));
    }

    @GetMapping("/console/drafts/{draft}/files/{*path}")
    ResponseEntity<byte[]> draftFile(@PathVariable("draft") String id, @PathVariable String path) throws IOException {
        return Downloads.file(atHead(id), relative(path), "in draft " + id);
    }

    @GetMapping("/console/drafts/{draft}/files.zip")
    ResponseEntity<byte[]> draftZip(@PathVariable("draft") String id) throws IOException {
        return Downloads.zip(atHead(id));
    }

    /**
     * A file or version that is not there, on the console's page rather than as the API's
     * problem, with the API's status and words.
     */
    @ExceptionHandler(FailureException.class)
    ModelAndView missing(FailureException e) {
        return new ModelAndView("console/not-found", Map.of("message", format.forPeople(e.failure().detail())),
                e.failure().type().status());
    }

    private FrameworkFiles at(String framework, String version) throws IOException {
        return published.at(framework, VersionWanted.pinned(version)).orElseThrow();
    }

    private FrameworkFiles atHead(String id) throws IOException {
        Draft draft = drafts.find(id).orElseThrow(() -> new ConsoleNotFound("There is no draft " + id + "."));
        return FrameworkFiles.of(draft.framework(), rules.snapshotAt(ObjectId.fromString(draft.head())));
    }

    /** The captured path without the slash that separates it from {@code files}. */
    private static String relative(String captured) {
        return captured.startsWith("/") ? captured.substring(1) : captured;
    }

}
