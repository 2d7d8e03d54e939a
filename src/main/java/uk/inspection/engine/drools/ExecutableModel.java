package uk.inspection.engine.drools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.model.codegen.execmodel.JavaParserCompiler;
import org.drools.model.codegen.execmodel.ModelBuilderImpl;
import org.drools.model.codegen.execmodel.ModelWriter;
import org.drools.model.codegen.execmodel.PackageSources;
import org.drools.util.PortablePath;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.memorycompiler.CompilationProblem;
import org.kie.memorycompiler.CompilationResult;
import org.kie.util.maven.support.ReleaseIdImpl;

import uk.inspection.engine.drools.allowlist.ParsedDrl;
import uk.inspection.engine.drools.allowlist.RememberingClassLoader;

/**
 * A rule set compiled to Drools' executable model: the parsed texts turned into Java
 * source (constraints as lambdas, consequences as methods) and that source compiled, all
 * in memory. What comes out is bytes only: nothing of it is loaded, let alone run, here.
 */
final class ExecutableModel {

    /** What the compiler made: class files by internal name, and the model classes. */
    record Compiled(Map<String, byte[]> classes, List<String> models, List<KnowledgeBuilderError> errors,
            List<JavaError> javaErrors) {
    }

    /**
     * The Java compiler's error in the source generated for a rule: the rule and its file
     * when the generated source names them (a constraint's class does), else null.
     */
    record JavaError(String rule, String path, String message) {
    }

    /** How a constraint's generated class names the rules it serves, and their files. */
    private static final Pattern RULE_NAMES = Pattern
        .compile("addRuleNames\\(\"((?:[^\"\\\\]|\\\\.)*)\", \"((?:[^\"\\\\]|\\\\.)*)\"");

    private ExecutableModel() {
    }

    static Compiled compile(List<ParsedDrl> parsed) {
        KnowledgeBuilderConfigurationImpl configuration = KnowledgeBuilderFactory
            .newKnowledgeBuilderConfiguration(RememberingClassLoader.SERVICE)
            .as(KnowledgeBuilderConfigurationImpl.KEY);
        ModelBuilderImpl<PackageSources> builder = new ModelBuilderImpl<>(PackageSources::dumpSources, configuration,
                new ReleaseIdImpl("uk.inspection", "rules", "1"), false);
        CompositeKnowledgeBuilder batch = builder.batch();
        parsed.forEach(drl -> batch.add(drl.resource(), ResourceType.DESCR));
        batch.build();
        if (!builder.getErrors().isEmpty()) {
            return new Compiled(Map.of(), List.of(), new ArrayList<>(builder.getErrors()), List.of());
        }
        MemoryFileSystem sources = new MemoryFileSystem();
        ModelWriter.Result written = new ModelWriter().writeModel(sources, builder.getPackageSources());
        MemoryFileSystem classes = new MemoryFileSystem();
        CompilationResult result = JavaParserCompiler.getCompiler()
            .compile(written.getSourceFiles().toArray(String[]::new), sources, classes, RememberingClassLoader.SERVICE);
        List<JavaError> javaErrors = new ArrayList<>();
        for (CompilationProblem problem : result.getErrors()) {
            byte[] source = sources.getBytes(problem.getFileName());
            Matcher named = RULE_NAMES.matcher(source == null ? "" : new String(source, StandardCharsets.UTF_8));
            javaErrors.add(named.find() ? new JavaError(named.group(1), named.group(2), problem.getMessage())
                    : new JavaError(null, null, problem.getMessage()));
        }
        Map<String, byte[]> bytes = new TreeMap<>();
        for (Map.Entry<PortablePath, byte[]> entry : classes.getMap().entrySet()) {
            String path = entry.getKey().asString();
            if (path.endsWith(".class")) {
                bytes.put(path.substring(0, path.length() - ".class".length()), entry.getValue());
            }
        }
        return new Compiled(bytes, written.getModelFiles(), List.of(), javaErrors);
    }

}
