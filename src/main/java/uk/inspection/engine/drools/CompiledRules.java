package uk.inspection.engine.drools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.drools.base.util.Drools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.inspection.engine.RuleSource;

/**
 * Rule sets compiled once: the classes the executable model compiled for a rule set, kept
 * in a folder by the hash of everything that went into them (every file's path and bytes,
 * the Drools and Java versions, this format), so that a restart, a second instance on the
 * same store or a rebuild of an old version loads them instead of compiling. Only classes
 * that passed the bytecode allow-list are kept, and they are checked again, and
 * rewritten, each time they are loaded: a cached file is never trusted more than a fresh
 * compilation. A file whose content does not match the digest it carries (damaged,
 * truncated, edited) is deleted and the rule set compiled again.
 */
public final class CompiledRules {

    private static final Logger log = LoggerFactory.getLogger(CompiledRules.class);

    /** Raised when what is written here, or what it means, changes. */
    private static final String FORMAT = "compiled-rules 1";

    private static final String DIGEST = "sha256";

    private static final String MODELS = "models";

    private static final String CLASSES = "classes/";

    /**
     * The most a kept file may hold, read or unpacked: the largest shipped rule set's is
     * about 1.3 MB unpacked. A file of the folder is read whole, so one written to unpack
     * into gigabytes is treated as damaged before it can fill the memory.
     */
    private static final int MOST_BYTES = 16 * 1024 * 1024;

    /** What the executable model compiled for a rule set. */
    record Classes(Map<String, byte[]> classes, List<String> models) {
    }

    /**
     * Which build of the service compiled them: compiled rules link to the fact classes,
     * which a new build may change.
     */
    private static final String SERVICE_BUILD = serviceBuild();

    private final Path folder;

    private final AtomicInteger loaded = new AtomicInteger();

    private final AtomicInteger compiled = new AtomicInteger();

    private final AtomicInteger refused = new AtomicInteger();

    /** Why kept files were last refused, most recent last (a few). */
    private final java.util.Deque<String> refusals = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** Compiled rule sets kept in this folder (created when first written). */
    public CompiledRules(Path folder) {
        this.folder = folder;
    }

    /** The key of a rule set's sources. */
    static String key(List<RuleSource> sources) {
        MessageDigest digest = sha256();
        update(digest, FORMAT);
        update(digest, Drools.getFullVersion());
        update(digest, Runtime.version().toString());
        update(digest, SERVICE_BUILD);
        sources.stream().sorted(Comparator.comparing(RuleSource::path)).forEach(source -> {
            update(digest, source.path());
            update(digest, HexFormat.of().formatHex(sha256().digest(source.content())));
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The classes kept for the key, if any are and they are whole. */
    Optional<Classes> load(String key) {
        Path file = folder.resolve(key + ".jar");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Optional<Classes> read = Files.size(file) > MOST_BYTES ? Optional.empty() : read(Files.readAllBytes(file));
            if (read.isEmpty()) {
                log.warn("The compiled rules {} do not match their digest (damaged?): deleted, compiling again", file);
                Files.deleteIfExists(file);
            }
            else {
                loaded.incrementAndGet();
            }
            return read;
        }
        catch (IOException | RuntimeException e) {
            log.warn("The compiled rules {} cannot be read ({}): compiling again", file, e.toString());
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException ignored) {
                // compiled again either way; the next write replaces it
            }
            return Optional.empty();
        }
    }

    /** Keeps classes that passed the checks; a failure to write is only logged. */
    void store(String key, Classes classes) {
        compiled.incrementAndGet();
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, key, ".part");
            Files.write(temporary, write(classes));
            try {
                Files.move(temporary, folder.resolve(key + ".jar"), StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, folder.resolve(key + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException e) {
            log.warn("The compiled rules could not be kept in {} ({}): the next start compiles them again", folder,
                    e.toString());
        }
    }

    /**
     * A kept file whose classes the checks refused, or that could not be made into a rule
     * set: deleted, so the rule set is compiled from its files again.
     */
    void refuse(String key, String why) {
        loaded.decrementAndGet();
        refused.incrementAndGet();
        refusals.addLast(why);
        while (refusals.size() > 10) {
            refusals.pollFirst();
        }
        log.warn("The compiled rules {} were refused ({}): deleted, compiling again", key, why);
        try {
            Files.deleteIfExists(folder.resolve(key + ".jar"));
        }
        catch (IOException e) {
            log.warn("The refused compiled rules {} could not be deleted ({})", key, e.toString());
        }
    }

    /**
     * How many rule sets this instance loaded from the folder, how many kept files it
     * refused, and how many rule sets it compiled.
     */
    public Map<String, Integer> counts() {
        return Map.of("loaded", loaded.get(), "refused", refused.get(), "compiled", compiled.get());
    }

    /** Why kept files were last refused. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /**
     * The service's classes as built: the jar's size and time, or (run from a folder of
     * classes, in development and tests) every class file's.
     */
    private static String serviceBuild() {
        try {
            String location = CompiledRules.class.getProtectionDomain().getCodeSource().getLocation().toString();
            Path jar = location.startsWith("jar:nested:")
                    ? Path.of(location.substring("jar:nested:".length(), location.indexOf('!'))) : null;
            if (jar != null && Files.isRegularFile(jar)) {
                return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar);
            }
            Path classes = Path.of(CompiledRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest digest = sha256();
            try (var files = Files.walk(classes)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> {
                    try {
                        update(digest, classes.relativize(file) + " " + Files.getLastModifiedTime(file));
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            // nothing to tell builds apart by: a key no other start shares
            return "unknown " + System.nanoTime();
        }
    }

    private static byte[] write(Classes classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Map<String, byte[]> entries = entries(classes);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(DIGEST));
            zip.write(digest(entries).getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static Optional<Classes> read(byte[] file) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        String expected = null;
        long left = MOST_BYTES;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readNBytes((int) left + 1);
                left -= content.length;
                if (left < 0) {
                    return Optional.empty();
                }
                if (entry.getName().equals(DIGEST)) {
                    expected = new String(content, StandardCharsets.US_ASCII);
                }
                else {
                    entries.put(entry.getName(), content);
                }
            }
        }
        if (expected == null || !expected.equals(digest(entries)) || !entries.containsKey(MODELS)) {
            return Optional.empty();
        }
        Map<String, byte[]> classes = new TreeMap<>();
        entries.forEach((name, content) -> {
            if (name.startsWith(CLASSES)) {
                classes.put(name.substring(CLASSES.length()), content);
            }
        });
        List<String> models = new String(entries.get(MODELS), StandardCharsets.UTF_8).lines().toList();
        return Optional.of(new Classes(classes, models));
    }

    private static Map<String, byte[]> entries(Classes classes) {
        Map<String, byte[]> entries = new TreeMap<>();
        classes.classes().forEach((name, bytes) -> entries.put(CLASSES + name, bytes));
        entries.put(MODELS, String.join("\n", classes.models()).getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    /** Every entry's name and content, in name order. */
    private static String digest(Map<String, byte[]> entries) {
        MessageDigest digest = sha256();
        List<String> names = new ArrayList<>(entries.keySet());
        for (String name : names) {
            update(digest, name);
            digest.update(sha256().digest(entries.get(name)));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("the JVM has no SHA-256", e));
        }
    }

}
