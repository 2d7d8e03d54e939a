package uk.inspection.files;

import java.io.IOException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import uk.inspection.ruleset.VersionWanted;

/**
 * A framework's files as the rule store holds them, at the version in force or any
 * version ever published: to open in Excel, edit, and upload as a draft.
 */
@RestController
class FrameworkFilesController {

    private final PublishedFiles published;

    FrameworkFilesController(PublishedFiles published) {
        this.published = published;
    }

    @Operation(summary = "The framework's files (rules, decision tables, fixtures) with their size and SHA-256, at the"
            + " version in force, or the one named by Ruleset-Version (a unique prefix of 12 hex digits or more) or"
            + " in force at Ruleset-As-Of (methodology roles)")
    @GetMapping("/api/v1/frameworks/{framework}/files")
    Downloads.Listing list(@PathVariable String framework,
            @RequestHeader(name = VersionWanted.PINNED_HEADER, required = false) String pinned,
            @RequestHeader(name = VersionWanted.AS_OF_HEADER, required = false) String asOf) throws IOException {
        return Downloads.listing(published.at(framework, new VersionWanted(pinned, asOf)).orElseThrow(), null);
    }

    @Operation(summary = "The framework's files as a zip named with the version (yj-2024@496d27796e10.zip), each entry"
            + " at its path in the rule store; versions as for the listing (methodology roles)")
    @GetMapping("/api/v1/frameworks/{framework}/files.zip")
    ResponseEntity<byte[]> zip(@PathVariable String framework,
            @RequestHeader(name = VersionWanted.PINNED_HEADER, required = false) String pinned,
            @RequestHeader(name = VersionWanted.AS_OF_HEADER, required = false) String asOf) throws IOException {
        return Downloads.zip(published.at(framework, new VersionWanted(pinned, asOf)).orElseThrow());
    }

    @Operation(summary = "One of the framework's files, the exact bytes the rule store holds, as an attachment named"
            + " with the version (bandings@496d27796e10.drl.xlsx); path as the listing gives it, such as"
            + " decision-tables/yj-2024/bandings.drl.xlsx; 404 naming it for any other; versions as for the listing"
            + " (methodology roles)")
    @GetMapping("/api/v1/frameworks/{framework}/files/{*path}")
    ResponseEntity<byte[]> file(@PathVariable String framework, @PathVariable String path,
            @RequestHeader(name = VersionWanted.PINNED_HEADER, required = false) String pinned,
            @RequestHeader(name = VersionWanted.AS_OF_HEADER, required = false) String asOf) throws IOException {
        FrameworkFiles files = published.at(framework, new VersionWanted(pinned, asOf)).orElseThrow();
        return Downloads.file(files, relative(path), "at that version");
    }

    /** The captured path without the slash that separates it from {@code files}. */
    static String relative(String captured) {
        return captured.startsWith("/") ? captured.substring(1) : captured;
    }

}
