package uk.inspection.drafts;

import java.io.IOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;

import uk.inspection.people.Person;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.ruleset.VersionWanted;

/**
 * Drafts over HTTP: create from uploaded files, read with their review, amend, withdraw,
 * rebase, approve, reject, roll back.
 */
@RestController
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class DraftsController {

    private final Drafts drafts;

    private final DraftReviews reviews;

    private final RuleSetRegistry registry;

    DraftsController(Drafts drafts, DraftReviews reviews, RuleSetRegistry registry) {
        this.drafts = drafts;
        this.reviews = reviews;
        this.registry = registry;
    }

    /** A draft and its review, as a reviewer reads it. */
    record DraftView(Draft draft, DraftReview review) {
    }

    /**
     * An approval: its message, the draft's head the approver reviewed, and when it takes
     * effect (absent: now): an instant, or a date, the start of that day in London, as
     * {@code Ruleset-As-Of} reads one.
     */
    record Approval(String message, String head, String effectiveFrom) {

        Instant from() {
            if (effectiveFrom == null || effectiveFrom.isBlank()) {
                return null;
            }
            try {
                return VersionWanted.parseInstant(effectiveFrom.strip());
            }
            catch (DateTimeException e) {
                throw Failure
                    .malformed(new FieldProblem("effectiveFrom", "an instant (2027-04-01T09:00:00Z, or with an offset)"
                            + " or a date (2027-04-01: the start of that day in Europe/London), not " + effectiveFrom))
                    .exception();
            }
        }

    }

    /** Why a scheduled version is cancelled. */
    record Cancellation(String reason) {
    }

    record Rejection(String reason) {
    }

    record Rollback(String to, String message) {
    }

    @Operation(
            summary = "Propose a change: upload edited files (multipart; each part's name, or its file name, the file's"
                    + " path) as a draft based on the published version (methodology-editor)")
    @PostMapping(path = "/api/v1/frameworks/{framework}/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DraftView> create(@PathVariable String framework, MultipartHttpServletRequest request,
            @RequestParam(required = false) String message, Person user) throws IOException {
        Draft draft = uploads(framework, request)
            .then(files -> StoreStep.unchecked(() -> drafts.create(framework, files, user, message)))
            .orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/drafts/" + draft.id())).body(written(draft));
    }

    @Operation(summary = "The framework's drafts, newest first (methodology roles)")
    @GetMapping("/api/v1/frameworks/{framework}/drafts")
    List<Draft> list(@PathVariable String framework) throws IOException {
        return drafts.list(framework);
    }

    @Operation(
            summary = "A draft with its validation, fixture results, impact against the published version and cell-level"
                    + " diff (methodology roles)")
    @GetMapping("/api/v1/drafts/{draft}")
    DraftView read(@PathVariable("draft") String id) throws IOException {
        return view(drafts.find(id).orElseThrow(() -> DraftFailure.noSuchDraft(id).exception()));
    }

    @Operation(summary = "Amend an open draft with more edited files (methodology-editor)")
    @PostMapping(path = "/api/v1/drafts/{draft}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DraftView amend(@PathVariable("draft") String id, MultipartHttpServletRequest request, Person user)
            throws IOException {
        Draft draft = drafts.find(id).orElseThrow(() -> DraftFailure.noSuchDraft(id).exception());
        return written(uploads(draft.framework(), request)
            .then(files -> StoreStep.unchecked(() -> drafts.amend(id, files, user)))
            .orElseThrow());
    }

    @Operation(summary = "Withdraw an open draft (methodology-editor)")
    @PostMapping("/api/v1/drafts/{draft}/withdraw")
    Draft withdraw(@PathVariable("draft") String id, Person user) throws IOException {
        return drafts.withdraw(id, user).orElseThrow();
    }

    @Operation(summary = "Carry an open draft onto the published version as it is now; 409 names files changed on both"
            + " sides (methodology-editor)")
    @PostMapping("/api/v1/drafts/{draft}/rebase")
    DraftView rebase(@PathVariable("draft") String id, Person user) throws IOException {
        return written(drafts.rebase(id, user).orElseThrow());
    }

    @Operation(summary = "Approve and publish a draft at the head the approver reviewed ({\"message\": …, \"head\": …,"
            + " \"effectiveFrom\": …}): by nobody who changed it, passing its review, based on the published"
            + " version; 409 naming the new head and the files changed when it moved. With effectiveFrom (an"
            + " instant, or a date: the start of that day in Europe/London; not in the past, not before a version"
            + " scheduled already) it is published now and takes effect then (methodology-approver)")
    @PostMapping("/api/v1/drafts/{draft}/approve")
    Draft approve(@PathVariable("draft") String id, @RequestBody(required = false) Approval approval, Person user)
            throws IOException {
        return drafts
            .approve(id, user, approval == null ? null : approval.message(), approval == null ? null : approval.head(),
                    approval == null ? null : approval.from())
            .orElseThrow();
    }

    @Operation(
            summary = "Cancel a version scheduled to take effect later, with the reason ({\"reason\": …}): the version"
                    + " in force goes on serving and its files become the published ones again; 409 once it has taken effect,"
                    + " or while a version scheduled after it stands (methodology-approver)")
    @PostMapping("/api/v1/frameworks/{framework}/versions/{version}/cancel")
    PublishedVersion cancel(@PathVariable String framework, @PathVariable String version,
            @RequestBody(required = false) Cancellation cancellation, Person user) throws IOException {
        if (cancellation == null || cancellation.reason() == null || cancellation.reason().isBlank()) {
            throw Failure.invalidFacts(List.of(new FieldProblem("reason", "a cancellation needs the reason")))
                .exception();
        }
        if (!registry.knows(framework)) {
            throw Failure.unknownFramework(framework, registry.frameworks().keySet()).exception();
        }
        return drafts.cancel(framework, version.strip(), user, cancellation.reason().strip()).orElseThrow();
    }

    @Operation(summary = "Reject a draft, with the reason (methodology-approver)")
    @PostMapping("/api/v1/drafts/{draft}/reject")
    Draft reject(@PathVariable("draft") String id, @RequestBody(required = false) Rejection rejection, Person user)
            throws IOException {
        if (rejection == null || rejection.reason() == null || rejection.reason().isBlank()) {
            throw Failure.invalidFacts(List.of(new FieldProblem("reason", "a rejection needs the reason"))).exception();
        }
        return drafts.reject(id, user, rejection.reason()).orElseThrow();
    }

    @Operation(summary = "Propose rolling a framework back to an earlier published version (rulesetVersion or commit):"
            + " a draft, approved like any other (methodology-editor)")
    @PostMapping("/api/v1/frameworks/{framework}/rollbacks")
    ResponseEntity<DraftView> rollback(@PathVariable String framework, @RequestBody(required = false) Rollback rollback,
            Person user) throws IOException {
        if (rollback == null || rollback.to() == null || rollback.to().isBlank()) {
            throw Failure.invalidFacts(List.of(new FieldProblem("to", "the rulesetVersion or commit to roll back to")))
                .exception();
        }
        if (!registry.knows(framework)) {
            throw Failure.unknownFramework(framework, registry.frameworks().keySet()).exception();
        }
        Draft draft = drafts.rollback(framework, rollback.to().strip(), user, rollback.message()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/drafts/" + draft.id())).body(written(draft));
    }

    @Operation(summary = "Every step taken on a framework's rules, newest first: drafts created, amended, withdrawn,"
            + " rejected, published, rolled back (methodology roles)")
    @GetMapping("/api/v1/frameworks/{framework}/history")
    List<Draft.Step> history(@PathVariable String framework) throws IOException {
        if (!registry.knows(framework)) {
            throw Failure.unknownFramework(framework, registry.frameworks().keySet()).exception();
        }
        return drafts.history(framework);
    }

    private DraftView view(Draft draft) {
        return new DraftView(draft, reviews.review(draft));
    }

    /**
     * A draft just written, with its review unless the builds are too busy to compute it
     * now: the write happened, so a 503 would have the client write it again.
     */
    private DraftView written(Draft draft) {
        Decision<DraftReview> review = reviews.tryReview(draft);
        return new DraftView(draft, review instanceof Decision.Decided<DraftReview> done ? done.value() : null);
    }

    private Decision<Map<String, byte[]>> uploads(String framework, MultipartHttpServletRequest request)
            throws IOException {
        List<Uploads.Part> parts = new ArrayList<>();
        MultiValueMap<String, MultipartFile> files = request.getMultiFileMap();
        for (Map.Entry<String, List<MultipartFile>> entry : files.entrySet()) {
            for (MultipartFile file : entry.getValue()) {
                boolean named = entry.getKey().equals("files") || entry.getKey().equals("file");
                parts.add(new Uploads.Part(entry.getKey(), named ? file.getOriginalFilename() : entry.getKey(),
                        file.getBytes()));
            }
        }
        return drafts.uploads(framework, parts);
    }

}
