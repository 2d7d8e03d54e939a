package uk.inspection.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import uk.inspection.ruleset.RuleFile;
import uk.inspection.ruleset.RuleSetFiles;
import uk.inspection.ruleset.RulesSnapshot;

/**
 * A framework's files as one snapshot of the rules holds them (a published version, the
 * development mode's folder, a draft's head): its rules, decision tables and fixtures,
 * with the exact bytes, by their paths in the rule store, and the version its rules and
 * tables hash to.
 */
public record FrameworkFiles(String framework, String version, List<RuleFile> files) {

    /**
     * A fixed time for every zip entry (2 January 1980, the zip format's second day, so
     * that no time zone takes it before the format's first), so that the same files
     * always zip to the same bytes and the same ETag.
     */
    private static final long ENTRY_TIME = 315_619_200_000L;

    public FrameworkFiles {
        files = List.copyOf(files);
    }

    public static FrameworkFiles of(String framework, RulesSnapshot snapshot) throws IOException {
        List<RuleFile> rules = snapshot.files(framework);
        List<RuleFile> all = new ArrayList<>(rules);
        all.addAll(snapshot.fixtures(framework));
        // The snapshot reads only the framework's folders; kept to them here too, since
        // these bytes leave the service.
        List<String> folders = folders(framework);
        return new FrameworkFiles(framework, RuleSetFiles.version(rules),
                all.stream()
                    .filter(f -> folders.stream().anyMatch(folder -> f.path().startsWith(folder)))
                    .sorted(Comparator.comparing(RuleFile::path))
                    .toList());
    }

    /** The folders a framework's files are in, each ending with a slash. */
    static List<String> folders(String framework) {
        return List.of(RuleSetFiles.RULES + "/" + framework + "/", RuleSetFiles.TABLES + "/" + framework + "/",
                RuleSetFiles.FIXTURES + "/" + framework + "/");
    }

    /** The file at exactly this path, if the framework has it. */
    Optional<RuleFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /**
     * The first twelve hex digits of the version: what names it in a file name, and the
     * shortest prefix a {@code Ruleset-Version} header accepts.
     */
    String tag() {
        return version.substring(version.indexOf(':') + 1, version.indexOf(':') + 13);
    }

    /** Every file in a zip, each entry named by its path in the store. */
    byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (RuleFile file : files) {
                ZipEntry entry = new ZipEntry(file.path());
                entry.setTime(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(file.content());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("zipping in memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

}
