package uk.inspection.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the frameworks under a rules home and reads the files of one, and hashes them
 * into a version.
 */
public final class RuleSetFiles {

    public static final String RULES = "rules";

    public static final String TABLES = "decision-tables";

    public static final String FIXTURES = "fixtures";

    private RuleSetFiles() {
    }

    /**
     * Framework ids: the folder names under {@code rules/} and {@code decision-tables/}.
     */
    public static List<String> frameworks(Path home) {
        TreeSet<String> ids = new TreeSet<>();
        for (String top : List.of(RULES, TABLES)) {
            Path dir = home.resolve(top);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> children = Files.list(dir)) {
                    children.filter(Files::isDirectory)
                        .map(p -> p.getFileName().toString())
                        .filter(name -> !name.startsWith("."))
                        .forEach(ids::add);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * Every file of one framework, sorted by path; office lock files and hidden files are
     * left out.
     */
    static List<RuleFile> read(Path home, String framework) throws IOException {
        List<RuleFile> files = new ArrayList<>();
        for (String top : List.of(RULES, TABLES)) {
            Path dir = home.resolve(top).resolve(framework);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(RuleSetFiles::isEditorsFile).toList()) {
                    String relative = home.relativize(file).toString().replace('\\', '/');
                    files.add(new RuleFile(relative, Files.readAllBytes(file)));
                }
            }
        }
        files.sort(Comparator.comparing(RuleFile::path));
        return files;
    }

    /** The fixture files of one framework, sorted by path. */
    static List<RuleFile> fixtures(Path home, String framework) throws IOException {
        Path dir = home.resolve(FIXTURES).resolve(framework);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<RuleFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(RuleSetFiles::isFixture).sorted().toList()) {
                files.add(new RuleFile(home.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file)));
            }
        }
        return files;
    }

    /** Whether a file under {@code fixtures/} is one: a {@code .json} file. */
    public static boolean isFixture(String path) {
        return path.endsWith(".json");
    }

    private static boolean isFixture(Path file) {
        return isFixture(file.getFileName().toString());
    }

    private static boolean isEditorsFile(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("~$");
    }

    /** The sha256 of one file's content, in hex. */
    static String fileHash(RuleFile file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.content()));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The rulesetVersion the framework's files under the home would publish, without
     * building them ({@code -V} prints it).
     */
    public static String version(Path home, String framework) throws IOException {
        return version(read(home, framework));
    }

    /**
     * {@code sha256:<hex>} over the paths and contents of the files the rule set is built
     * from.
     */
    public static String version(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                if (file.kind() == RuleFile.Kind.OTHER) {
                    continue;
                }
                digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content());
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

}
