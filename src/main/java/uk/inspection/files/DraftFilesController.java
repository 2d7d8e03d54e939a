package uk.inspection.files;

import java.io.IOException;

import org.eclipse.jgit.lib.ObjectId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import uk.inspection.drafts.Draft;
import uk.inspection.drafts.Drafts;
import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;
import uk.inspection.store.StoreRules;

/**
 * A draft's files at its head: what its reviewers review, and what its editor goes on
 * editing.
 */
@RestController
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class DraftFilesController {

    private final Drafts drafts;

    private final StoreRules rules;

    DraftFilesController(Drafts drafts, StoreRules rules) {
        this.drafts = drafts;
        this.rules = rules;
    }

    @Operation(summary = "The draft's files at its head (rules, decision tables, fixtures of its framework) with their"
            + " size and SHA-256 (methodology roles)")
    @GetMapping("/api/v1/drafts/{draft}/files")
    Downloads.Listing list(@PathVariable("draft") String id) throws IOException {
        return Downloads.listing(atHead(id), id);
    }

    @Operation(summary = "The draft's files at its head as a zip named with the version they make (methodology roles)")
    @GetMapping("/api/v1/drafts/{draft}/files.zip")
    ResponseEntity<byte[]> zip(@PathVariable("draft") String id) throws IOException {
        return Downloads.zip(atHead(id));
    }

    @Operation(summary = "One of the draft's files at its head, the exact bytes, as an attachment named with the"
            + " version they make; 404 naming the path for any other (methodology roles)")
    @GetMapping("/api/v1/drafts/{draft}/files/{*path}")
    ResponseEntity<byte[]> file(@PathVariable("draft") String id, @PathVariable String path) throws IOException {
        return Downloads.file(atHead(id), FrameworkFilesController.relative(path), "in draft " + id);
    }

    private FrameworkFiles atHead(String id) throws IOException {
        Draft draft = drafts.find(id)
            .orElseThrow(() -> new Failure(ProblemType.NOT_FOUND, "no draft '" + id + "'", null).exception());
        return FrameworkFiles.of(draft.framework(), rules.snapshotAt(ObjectId.fromString(draft.head())));
    }

}
