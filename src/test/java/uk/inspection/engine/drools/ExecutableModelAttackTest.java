package uk.inspection.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.Compilation;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleSource;

/**
 * Rule text and kept compiled rules as an attacker writes them, against the executable
 * model's layers (docs/security.md): what the source check reads, the classes compiled
 * from it, and the compiled rules kept on disk. Each payload, if it ran, would set a
 * system property; each is refused, or compiles to something that does not run it.
 */
class ExecutableModelAttackTest {

    private static final String MARKER = "uk.inspection.attack.ran";

    private static final String HEADER = """
            package p;
            import uk.inspection.facts.*;
            import uk.inspection.ratings.facts.*;
            """;

    @TempDir
    Path folder;

    @AfterEach
    void clearMarker() {
        System.clearProperty(MARKER);
    }

    /**
     * The digest a kept file carries is no secret: an attacker who can write the folder
     * can add classes and compute it again. Classes named as the service's own (here
     * {@code java.lang.System}) must not make calls to them pass as calls to the rule
     * set's own classes, nor may the model list name a class the check did not read.
     */
    @Test
    void aKeptFileWithAClassNamedAsTheServicesOwnIsRefusedAndNothingOfItRuns() throws IOException {
        List<RuleSource> sources = drl("""
                rule "plain"
                when
                    Trigger(code == "T")
                then
                end
                """);
        CompiledRules kept = new CompiledRules(folder);
        assertThat(engine(kept).compile("t", sources)).isInstanceOf(Compilation.Compiled.class);
        Path file = folder.resolve(CompiledRules.key(sources) + ".jar");
        Map<String, byte[]> entries = read(file);
        // a class named java/lang/System, harmless itself, makes System "generated"
        entries.put("classes/java/lang/System", emptyClass("java/lang/System"));
        entries.put("classes/p/Evil", evil("p/Evil"));
        entries.put("models", ("p.Evil\n" + new String(entries.get("models"), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
        write(file, entries);

        Compilation loaded;
        try {
            loaded = engine(new CompiledRules(folder)).compile("t", sources);
        }
        catch (RuntimeException e) {
            loaded = null;
        }

        assertThat(System.getProperty(MARKER)).as("the tampered class ran").isNull();
        assertThat(problems(loaded)).extracting(LoadProblem::message)
            .contains("a compiled class is named as the service's own class java.lang.System"
                    + " (compiled rules changed on disk?)");
    }

    /**
     * The model list of a kept file names only classes kept with it: a class of the
     * service's class path, made as a model, would run its initialiser unchecked.
     */
    @Test
    void aKeptFileWhoseModelIsNotOneOfItsClassesIsRefused() throws IOException {
        List<RuleSource> sources = drl("""
                rule "plain"
                when
                    Trigger(code == "T")
                then
                end
                """);
        assertThat(engine(new CompiledRules(folder)).compile("t", sources)).isInstanceOf(Compilation.Compiled.class);
        Path file = folder.resolve(CompiledRules.key(sources) + ".jar");
        Map<String, byte[]> entries = read(file);
        entries
            .put("models",
                    ("uk.inspection.engine.drools.ExecutableModelAttackTest$Initialised\n"
                            + new String(entries.get("models"), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        write(file, entries);

        Compilation loaded;
        try {
            loaded = engine(new CompiledRules(folder)).compile("t", sources);
        }
        catch (RuntimeException e) {
            loaded = null;
        }

        assertThat(System.getProperty(MARKER)).as("a class off the class path was made").isNull();
        assertThat(problems(loaded)).extracting(LoadProblem::message)
            .anySatisfy(message -> assertThat(message).contains("ExecutableModelAttackTest$Initialised",
                    "is not one of the rule set's compiled classes"));
    }

    /** A class of the class path whose making has an effect. */
    public static final class Initialised {

        public Initialised() {
            System.setProperty(MARKER, "made");
        }

    }

    private static DroolsRuleEngine engine(CompiledRules kept) {
        return new DroolsRuleEngine(EvaluationLimits.DEFAULTS, BuildLimits.DEFAULTS, kept);
    }

    private static byte[] emptyClass(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A class whose constructor calls System.setProperty(MARKER, "ran"). */
    private static byte[] evil(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitLdcInsn(MARKER);
        init.visitLdcInsn("ran");
        init.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "setProperty",
                "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", false);
        init.visitInsn(Opcodes.POP);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static Map<String, byte[]> read(Path file) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.getName().equals("sha256")) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** The entries with the digest CompiledRules expects, computed as it does. */
    private static void write(Path file, Map<String, byte[]> entries) throws IOException {
        MessageDigest digest = sha256();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(sha256().digest(entry.getValue()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("sha256"));
            zip.write(java.util.HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        Files.write(file, bytes.toByteArray());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RuleSource> drl(String rules) {
        return List.of(new RuleSource("rules/t/t.drl", RuleSource.Type.DRL,
                (HEADER + rules).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<LoadProblem> problems(Compilation compiled) {
        assertThat(compiled).isInstanceOf(Compilation.Failed.class);
        return ((Compilation.Failed) compiled).problems();
    }

}
