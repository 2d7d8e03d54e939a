package uk.inspection.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.ProblemType;
import uk.inspection.ruleset.RuleFile;
import uk.inspection.ruleset.VersionWanted;

/**
 * A framework's files as HTTP answers: one file's exact bytes, all of them as a zip, or
 * their list. A download is an attachment whose name carries the version
 * ({@code bandings@496d27796e10.drl.xlsx}, {@code yj-2024@496d27796e10.zip}: the tag
 * before the first dot, so the suffix that says what the file is stays whole), with the
 * full version in {@code Ruleset-Version} and the content's SHA-256 as a strong
 * {@code ETag}.
 */
public final class Downloads {

    static final MediaType XLSX = MediaType
        .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private Downloads() {
    }

    /** The framework's files at one version, each with its size and SHA-256. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Listing(String framework, String rulesetVersion, String draft, List<Listed> files) {
    }

    record Listed(String path, int size, String sha256) {
    }

    static Listing listing(FrameworkFiles files, String draft) {
        return new Listing(files.framework(), files.version(), draft,
                files.files()
                    .stream()
                    .map(f -> new Listed(f.path(), f.content().length, sha256(f.content())))
                    .toList());
    }

    /** One file, or a 404 naming the path when the framework has none there. */
    public static ResponseEntity<byte[]> file(FrameworkFiles files, String path, String where) {
        RuleFile file = files.file(path).orElseThrow(() -> notFound(files, path, where).exception());
        String name = path.substring(path.lastIndexOf('/') + 1);
        return attachment(files, file.content(), contentType(name), tagged(name, files.tag()));
    }

    public static ResponseEntity<byte[]> zip(FrameworkFiles files) {
        return attachment(files, files.zip(), ZIP, files.framework() + "@" + files.tag() + ".zip");
    }

    private static ResponseEntity<byte[]> attachment(FrameworkFiles files, byte[] content, MediaType type,
            String name) {
        return ResponseEntity.ok()
            .contentType(type)
            .header(HttpHeaders.CONTENT_DISPOSITION, disposition(name))
            .header(VersionWanted.PINNED_HEADER, files.version())
            .eTag("\"" + sha256(content) + "\"")
            .body(content);
    }

    /**
     * An attachment of this name. A name beyond ASCII (uploads allow évaluation.drl) is
     * given as RFC 6266's {@code filename*} in UTF-8, beside an ASCII {@code filename}
     * for older clients: the server writes header values as ISO-8859-1 and drops one it
     * cannot, which left such a download with no name at all.
     */
    static String disposition(String name) {
        ContentDisposition.Builder attachment = ContentDisposition.attachment();
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(name);
        return (ascii ? attachment.filename(name) : attachment.filename(name, StandardCharsets.UTF_8)).build()
            .toString();
    }

    /** The file's name with the version's tag before its first dot. */
    static String tagged(String name, String tag) {
        int dot = name.indexOf('.');
        return dot <= 0 ? name + "@" + tag : name.substring(0, dot) + "@" + tag + name.substring(dot);
    }

    /**
     * What a file is, by its name: a workbook, JSON (fixtures), YAML (manifests), CSV
     * (tables), DRL as plain text.
     */
    static MediaType contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        if (lower.endsWith(".json")) {
            return MediaType.APPLICATION_JSON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return MediaType.APPLICATION_YAML;
        }
        if (lower.endsWith(".csv")) {
            return MediaType.parseMediaType("text/csv;charset=UTF-8");
        }
        if (lower.endsWith(".drl")) {
            return MediaType.parseMediaType("text/plain;charset=UTF-8");
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }

    private static Failure notFound(FrameworkFiles files, String path, String where) {
        return new Failure(ProblemType.NOT_FOUND,
                "no file '" + path + "' among the files of " + files.framework() + " " + where + " (" + files.version()
                        + "); they are under " + String.join(", ", FrameworkFiles.folders(files.framework()))
                        + ", and the listing without a path names each",
                List.of(new FieldProblem("path", path)));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

}
