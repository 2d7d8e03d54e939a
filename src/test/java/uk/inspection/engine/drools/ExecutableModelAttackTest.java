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
import java.util.stream.Stream;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.Compilation;
import uk.inspection.engine.Evaluation;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleSource;
import uk.inspection.facts.Trigger;

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
        List<RuleSource> sources = plain();
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

        CompiledRules again = new CompiledRules(folder);
        Compilation loaded = engine(again).compile("t", sources);

        assertThat(System.getProperty(MARKER)).as("the tampered class ran").isNull();
        assertRefusedAndCompiledAgain(again, loaded, file,
                "a compiled class is named as the service's own class java.lang.System"
                        + " (compiled rules changed on disk?)");
    }

    /**
     * The model list of a kept file names only classes kept with it: a class of the
     * service's class path, made as a model, would run its initialiser unchecked.
     */
    @Test
    void aKeptFileWhoseModelIsNotOneOfItsClassesIsRefused() throws IOException {
        List<RuleSource> sources = plain();
        assertThat(engine(new CompiledRules(folder)).compile("t", sources)).isInstanceOf(Compilation.Compiled.class);
        Path file = folder.resolve(CompiledRules.key(sources) + ".jar");
        Map<String, byte[]> entries = read(file);
        entries
            .put("models",
                    ("uk.inspection.engine.drools.ExecutableModelAttackTest$Initialised\n"
                            + new String(entries.get("models"), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        write(file, entries);

        CompiledRules again = new CompiledRules(folder);
        Compilation loaded = engine(again).compile("t", sources);

        assertThat(System.getProperty(MARKER)).as("a class off the class path was made").isNull();
        assertRefusedAndCompiledAgain(again, loaded, file, "ExecutableModelAttackTest$Initialised",
                "is not one of the rule set's compiled classes");
    }

    /**
     * A kept class (the compiler never makes one) whose string concatenation takes a
     * dynamic constant as an argument: the constant's own bootstrap calls
     * {@code System.setProperty} as the concatenation links.
     */
    @Test
    void aKeptClassWhoseConcatenationHidesADynamicConstantIsRefused() throws IOException {
        List<RuleSource> sources = plain();
        Path file = keptWithAModel(sources, "p/Concatenates", concatenatesADynamicConstant("p/Concatenates"));

        CompiledRules again = new CompiledRules(folder);
        Compilation loaded = engine(again).compile("t", sources);

        assertThat(System.getProperty(MARKER)).as("the dynamic constant was resolved").isNull();
        assertRefusedAndCompiledAgain(again, loaded, file, "p.Concatenates", "a dynamic call site");
    }

    /**
     * A kept class that passes the bytecode check but spins as the model is made (a loop
     * that calls nothing): the watchdog that makes the model stops it, the file is
     * refused and the rule set compiled again, and the build thread goes on.
     */
    @Test
    void aKeptModelThatSpinsAsItIsMadeIsStoppedAndCompiledAgain() throws IOException {
        List<RuleSource> sources = plain();
        Path file = keptWithAModel(sources, "p/Spins", spins("p/Spins"));

        CompiledRules again = new CompiledRules(folder);
        Compilation loaded = engine(again).compile("t", sources);

        assertRefusedAndCompiledAgain(again, loaded, file, "the rules' model could not be made",
                "was stopped at its limits");
    }

    /** A class whose constructor loops for ever, calling nothing. */
    private static byte[] spins(String name) {
        return withConstructor(name, init -> {
            org.objectweb.asm.Label loop = new org.objectweb.asm.Label();
            init.visitLabel(loop);
            init.visitJumpInsn(Opcodes.GOTO, loop);
        });
    }

    /**
     * A constraint the source checks allow but the executable model cannot compile is
     * reported at its rule's file and line, not as the generated class's Java.
     */
    @Test
    void aConstraintOnlyTheExecutableModelRefusesIsLocatedAtItsRule() {
        Compilation compiled = engine(null).compile("t", drl("""
                rule "doubled"
                when
                    Trigger((message + message).length() > 0)
                then
                end
                """));

        assertThat(problems(compiled)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/t/t.drl");
            assertThat(problem.line()).isEqualTo(HEADER.split("\n", -1).length);
            assertThat(problem.message()).startsWith("the rule \"doubled\" cannot be compiled: ")
                .doesNotContain("Lambda", "src/main/java");
        });
    }

    /** A class of the class path whose loading has an effect. */
    public static final class LoadedByName {

        static {
            System.setProperty(MARKER, "initialised");
        }

    }

    /** A class of the class path whose making has an effect. */
    public static final class Initialised {

        public Initialised() {
            System.setProperty(MARKER, "made");
        }

    }

    /** An engine whose source check lets everything through (a hook only tests have). */
    private static final DroolsRuleEngine UNCHECKED = new DroolsRuleEngine(EvaluationLimits.DEFAULTS,
            BuildLimits.DEFAULTS, (path, drl, parsed, table) -> List.of());

    /**
     * The executable model writes a rule's name and its group attributes into the Java it
     * compiles inside a string literal (and the name in a comment too) without escaping
     * them: a quote, a line break or a comment's end there made the rest Java that no
     * check of the rule text read, in a class whose initialiser runs as the rule set is
     * built. Only the bytecode check stood behind it, and its allowances for Drools' own
     * glue are not a policy for rule text.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfALiteral")
    void textThatLeavesItsJavaLiteralIsRefusedAtItsLine(String where, String header, int line) {
        Compilation compiled = new DroolsRuleEngine().compile("t", drl(header + """
                when
                then
                end
                """));

        assertThat(System.getProperty(MARKER)).as("the injected initialiser ran").isNull();
        assertThat(problems(compiled)).anySatisfy(problem -> {
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.message()).contains("a quote, backslash, line break or */ in the " + where);
        });
    }

    static Stream<Arguments> outOfALiteral() {
        String payload = "static { System.setProperty(\\\"" + MARKER + "\\\", \\\"x\\\"); }";
        return Stream.of(Arguments.of("rule's name", "rule \"a\\\").build(); return rule; } " + payload
                + " static org.drools.model.Rule zz() { org.drools.model.Rule rule = D.rule(\\\"p\\\", \\\"b\"\n", 4),
                Arguments.of("rule's name", "rule \"a */ " + payload + " /** \"\n", 4),
                Arguments.of("rule's name", "rule \"a\\n\"\n", 4),
                Arguments.of("value of the attribute agenda-group",
                        "rule \"r\"\nagenda-group \"g\\\"); " + payload + " static Object zz() { return (\\\"h\"\n", 5),
                Arguments.of("value of the attribute activation-group",
                        "rule \"r\"\nactivation-group \"g\\\" + new org.drools.model.bitmask.OpenBitSet(64L) + \\\"h\"\n",
                        5));
    }

    /**
     * The executable model writes the file's path unescaped into a string literal of each
     * constraint's class. An upload's path may hold no whitespace or backslash, but may
     * hold quotes, braces and comments: this one made a loop that ran, unbounded, as the
     * rule set was built.
     */
    @Test
    void aPathThatLeavesItsJavaLiteralIsRefused() {
        String path = "rules/t/x\"+new/**/Object(){{int/**/n=1;while(n!=0){n=n|1;}}}+\".drl";
        Compilation compiled = new DroolsRuleEngine().compile("t", List.of(new RuleSource(path, RuleSource.Type.DRL,
                (HEADER + when("Trigger(code == \"T\")")).getBytes(StandardCharsets.UTF_8))));

        assertThat(problems(compiled)).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(path);
            assertThat(problem.message()).contains("a quote, backslash, line break or */ in the file's path");
        });
    }

    /**
     * A package the JVM keeps for its own classes is refused, not a build that throws.
     */
    @Test
    void aPackageOfJavasOwnIsRefused() {
        Compilation compiled = new DroolsRuleEngine().compile("t",
                List.of(new RuleSource("rules/t/t.drl", RuleSource.Type.DRL, """
                        package java.lang;
                        import uk.inspection.facts.*;
                        rule "r"
                        when
                            Trigger()
                        then
                        end
                        """.getBytes(StandardCharsets.UTF_8))));

        assertThat(problems(compiled))
            .anySatisfy(problem -> assertThat(problem.message()).contains("the package java.lang"));
    }

    /**
     * Of Drools' property masks, the bytecode check allows only their factories: a
     * constructor such as {@code new OpenBitSet(n)} allocates what it is asked in one
     * call that no step of rule work sees (an out-of-memory error ends the service).
     */
    @Test
    void aPropertyMaskMadeByRuleCodeIsRefusedThoughTheSourceCheckAllowedIt() {
        Compilation compiled = UNCHECKED.compile("t", drl("""
                rule "allocates"
                when
                    Trigger()
                then
                    Object o = new org.drools.model.bitmask.OpenBitSet(64L * 2000000000L);
                end
                """));

        assertThat(problems(compiled)).anySatisfy(problem -> assertThat(problem.message())
            .contains("the rule \"allocates\"", "org.drools.model.bitmask.OpenBitSet.<init>"));
    }

    /** Rule text a hostile editor might try, each refused by the source check. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAtTheSource")
    void eachTrickIsRefusedByTheSourceCheckAndNeverRuns(String trick, String rule, String named) {
        Compilation compiled = new DroolsRuleEngine().compile("t", drl(rule.replace("MARKER", MARKER)));

        assertThat(System.getProperty(MARKER)).as("the payload ran").isNull();
        assertThat(problems(compiled)).anySatisfy(problem -> assertThat(problem.message()).contains(named));
    }

    static Stream<Arguments> refusedAtTheSource() {
        String set = "System.setProperty(\"MARKER\", \"x\")";
        return Stream.of(
                Arguments.of("a static call on a qualified name in a constraint",
                        when("Trigger(java.lang." + set + " != null)"), "uses java.lang.System"),
                Arguments.of("this.getClass() in a constraint",
                        when("Trigger(this.getClass().getClassLoader() != null)"), "uses .getClass(...)"),
                Arguments.of("an inline cast to Object", when("Trigger(((Object) code).getClass().getName() != null)"),
                        "uses .getClass(...)"),
                Arguments.of("a comment inside a constraint",
                        when("Trigger(code == \"T\" /* x */ || " + set + " != null)"), "uses System"),
                Arguments.of("MVEL's inline cast", when("Trigger(code#String.length() > 0)"), "not plain Java"),
                Arguments.of("MVEL's null-safe dereference", when("Trigger(code!.length() > 0)"), "not plain Java"),
                Arguments.of("from a static method",
                        when("$t : Trigger() from java.util.List.of(new Trigger(" + set + ", \"m\"))"), "uses System"),
                Arguments.of("from an MVEL list literal", when("$t : Trigger() from [ " + set + " ]"),
                        "not plain Java"),
                Arguments.of("accumulate with its own code",
                        when("$n : Number() from accumulate( Trigger($c : code), " + "init( int n = 0; ), action( "
                                + set + "; ), result( n ) )"),
                        "accumulate with its own code"),
                Arguments.of("eval in not in exists", when("not( exists( eval(" + set + " == null) ) )"), "eval(...)"),
                Arguments.of("a semicolon in a constraint", when("Trigger(code == \"T\"; " + set + " != null)"),
                        "uses System"),
                Arguments.of("a call in an in list", when("Trigger(code in (\"T\", " + set + "))"), "uses System"),
                Arguments.of("a class literal in a constraint", when("Trigger(code.class != null)"), "a class literal"),
                Arguments.of("a cast to Runtime", when("Trigger(((java.lang.Runtime) this) != null)"),
                        "the type java.lang.Runtime"),
                Arguments.of("a call in an accumulate's argument",
                        when("accumulate( Trigger( $c : code ); $n : count( " + set + " ) )"), "uses System"),
                Arguments.of("a computed salience", "rule \"r\"\nsalience (" + set + ".length())\nwhen\nthen\nend\n",
                        "the attribute salience"),
                Arguments.of("an enabled expression", "rule \"r\"\nenabled (" + set + " == null)\nwhen\nthen\nend\n",
                        "the attribute enabled"),
                Arguments.of("a declared type", "declare Evil\n    x : String\nend\n" + when("Trigger()"),
                        "a declared type (Evil)"),
                Arguments.of("a function", "function String f() { return " + set + "; }\n" + when("Trigger()"),
                        "a function (f)"),
                Arguments.of("a local record with a static initialiser",
                        then("record R(String a) { static { " + set + "; } } insert(new R(\"a\"));"),
                        "a local record declaration"),
                Arguments.of("a local interface with a static method",
                        then("interface I { static String f() { return " + set + "; } } I.f();"),
                        "a local class declaration"),
                Arguments.of("a local enum", then("enum E { A; E() { " + set + "; } } insert(E.A);"),
                        "Java that does not parse"),
                Arguments.of("a type argument",
                        then("java.util.List<java.lang.Runtime> l = new java.util.ArrayList<>();"),
                        "the type java.lang.Runtime"),
                Arguments.of("System in a ternary", then("String s = $t.code() == null ? \"a\" : " + set + ";"),
                        "uses System"),
                Arguments.of("an instanceof pattern", then("if ($t instanceof Object o) { insert(o); }"),
                        "an instanceof pattern"),
                Arguments.of("the context of the rule", then("drools.getKieRuntime().halt();"), "drools"),
                Arguments.of("System in a modify block", then("modify($t) { setCode(" + set + ") }"), "uses System"),
                Arguments.of("getClass on a value", then("java.lang.String s = $t.code(); insert(s.getClass());"),
                        "uses .getClass(...)"),
                Arguments.of("a sliding window", when("Trigger() over window:length(1000000000)"), "a sliding window"),
                Arguments.of("a switch", then("switch ($t.code()) { case \"T\": insert(\"x\"); }"), "a switch"));
    }

    /**
     * Rule text that compiles, and whose payload, if any, stays data: an octal escape, a
     * text block holding a rule, names like the generated classes', a package of Drools'
     * own, rule metadata holding code.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("harmless")
    void whatCompilesDoesNotRunThePayload(String trick, String rule) {
        String text = rule.replace("MARKER", MARKER);
        Compilation compiled = new DroolsRuleEngine().compile("t",
                List.of(new RuleSource("rules/t/t.drl", RuleSource.Type.DRL,
                        (text.startsWith("package") ? text : HEADER + text).getBytes(StandardCharsets.UTF_8))));

        assertThat(compiled).isInstanceOf(Compilation.Compiled.class);
        Evaluation evaluation = ((Compilation.Compiled) compiled).rules().evaluate(List.of(new Trigger("T", "x")));
        assertThat(evaluation).isNotNull();
        assertThat(System.getProperty(MARKER)).as("the payload ran").isNull();
    }

    static Stream<Arguments> harmless() {
        String set = "System.setProperty(\"MARKER\", \"x\")";
        return Stream.of(
                Arguments.of("an octal escape closing a string",
                        when("Trigger(code == \"\\42 + System.setProperty(\\42MARKER\\42, \\42x\\42) + \\42\")")),
                Arguments.of("a text block holding a rule",
                        "rule \"r\"\nwhen\n    Trigger()\nthen\n    String s = \"\"\"\nend\n"
                                + "rule \"inner\"\nwhen\nthen\n    " + set + ";\nend\n\"\"\";\nend\n"),
                Arguments.of("names like the generated classes'",
                        "rule \"LambdaPredicate1\"\nwhen\n    $t : Trigger(code == \"T\")\nthen\n"
                                + "    insert(new Trigger(\"Rules\", \"DomainClassesMetadata\"));\nend\n"),
                Arguments.of("a package of Drools' own",
                        "package org.drools.model;\nimport uk.inspection.facts.*;\n"
                                + "rule \"r\"\nwhen\n    Trigger(code == \"T\")\nthen\nend\n"),
                Arguments.of("metadata holding code", "rule \"r\"\n@foo(java.lang." + set + ")\nwhen\nthen\nend\n"),
                Arguments.of("metadata holding a string expression",
                        "rule \"r\"\n@foo(\"a\" + java.lang." + set + " + \"b\")\nwhen\nthen\nend\n"),
                Arguments.of("a comment with a quote in a constraint",
                        when("Trigger(code == \"a\" /* \"); ] ] ] // */)")),
                Arguments.of("an escaped quote in a constraint", when("Trigger(code == \"a\\\"); ] ] ] //\")")),
                Arguments.of("an escaped quote in a from",
                        when("$t : Trigger() from new Trigger(\"a\\\"); ] ] ] //\", \"b\")")),
                Arguments.of("an escaped quote in an accumulate's argument",
                        when("accumulate( Trigger( $c : code ); $n : count( \"a\\\"); ] ] ] //\" ) )")),
                Arguments.of("an escaped quote in an in list", when("Trigger(code in (\"a\\\"); ] ] ] //\", \"b\"))")),
                Arguments.of("metadata naming a class with an initialiser",
                        "rule \"r\"\n@" + LoadedByName.class.getCanonicalName() + "\nwhen\n    Trigger()\nthen\nend\n"),
                Arguments.of("a pattern annotation naming a class with an initialiser",
                        when("Trigger() @" + LoadedByName.class.getCanonicalName())),
                Arguments.of("a rule extending another",
                        "rule \"a\"\nwhen\n    Trigger()\nthen\nend\nrule \"b\" extends \"a\"\nwhen\n    Trigger()\nthen\nend\n"),
                Arguments.of("an annotated local", then("@SuppressWarnings(\"x\") String s = \"a\"; insert(s);")));
    }

    private static String when(String condition) {
        return "rule \"r\"\nwhen\n    " + condition + "\nthen\nend\n";
    }

    private static String then(String consequence) {
        return "rule \"r\"\nwhen\n    $t : Trigger()\nthen\n    " + consequence + "\nend\n";
    }

    /** A rule set of one plain rule, compiled and kept before a test tampers with it. */
    private static List<RuleSource> plain() {
        return drl("""
                rule "plain"
                when
                    Trigger(code == "T")
                then
                end
                """);
    }

    private static DroolsRuleEngine engine(CompiledRules kept) {
        return new DroolsRuleEngine(EvaluationLimits.DEFAULTS, BuildLimits.DEFAULTS, kept);
    }

    /**
     * A public class whose constructor calls Object's and then does what {@code body}
     * writes.
     */
    private static byte[] withConstructor(String name, java.util.function.Consumer<MethodVisitor> body) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        body.accept(init);
        init.visitMaxs(0, 0);
        init.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static byte[] emptyClass(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A class whose constructor calls System.setProperty(MARKER, "ran"). */
    private static byte[] evil(String name) {
        return withConstructor(name, init -> {
            init.visitLdcInsn(MARKER);
            init.visitLdcInsn("ran");
            init.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "setProperty",
                    "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", false);
            init.visitInsn(Opcodes.POP);
            init.visitInsn(Opcodes.RETURN);
        });
    }

    /** A class whose constructor concatenates a dynamic constant that sets MARKER. */
    private static byte[] concatenatesADynamicConstant(String name) {
        return withConstructor(name, init -> {
            Handle setProperty = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "setProperty",
                    "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", false);
            Handle invoke = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;"
                            + "Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)Ljava/lang/Object;",
                    false);
            ConstantDynamic ran = new ConstantDynamic("ran", "Ljava/lang/Object;", invoke, setProperty, MARKER, "ran");
            Handle concat = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory",
                    "makeConcatWithConstants",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                            + "Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;",
                    false);
            init.visitInvokeDynamicInsn("makeConcatWithConstants", "()Ljava/lang/String;", concat,
                    String.valueOf((char) 2), ran);
            init.visitInsn(Opcodes.POP);
            init.visitInsn(Opcodes.RETURN);
        });
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

    /**
     * The sources compiled and kept, then the kept file changed as one who can write the
     * folder could: a class added and made the first model, the digest computed again.
     */
    private Path keptWithAModel(List<RuleSource> sources, String name, byte[] bytes) throws IOException {
        assertThat(engine(new CompiledRules(folder)).compile("t", sources)).isInstanceOf(Compilation.Compiled.class);
        Path file = folder.resolve(CompiledRules.key(sources) + ".jar");
        Map<String, byte[]> entries = read(file);
        entries.put("classes/" + name, bytes);
        entries.put("models",
                (name.replace('/', '.') + "\n" + new String(entries.get("models"), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        write(file, entries);
        return file;
    }

    /**
     * A tampered kept file is refused (why is named), deleted, and the rule set compiled
     * from its files again, and kept again as compiled.
     */
    private static void assertRefusedAndCompiledAgain(CompiledRules kept, Compilation loaded, Path file, String... why)
            throws IOException {
        assertThat(kept.counts()).containsEntry("refused", 1).containsEntry("loaded", 0).containsEntry("compiled", 1);
        assertThat(kept.refusals()).singleElement().asString().contains(why);
        assertThat(loaded).isInstanceOf(Compilation.Compiled.class);
        assertThat(read(file).keySet())
            .allMatch(name -> name.equals("models") || name.equals("sha256") || name.startsWith("classes/p/Rules")
                    || name.startsWith("classes/p/P") || name.startsWith("classes/p/DomainClassesMetadata"));
    }

    private static List<LoadProblem> problems(Compilation compiled) {
        assertThat(compiled).isInstanceOf(Compilation.Failed.class);
        return ((Compilation.Failed) compiled).problems();
    }

}
