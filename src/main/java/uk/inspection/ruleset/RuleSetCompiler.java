package uk.inspection.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drools.compiler.compiler.DescrBuildError;
import org.drools.drl.ast.descr.BaseDescr;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles one framework's DRL files and decision tables into a KieBase, with the classic
 * (non-executable-model) builder so rules load at runtime and errors keep their line numbers.
 * Every problem comes back located at its file and line or sheet row.
 */
final class RuleSetCompiler {

    record Compiled(KieBase kieBase, Map<String, RuleOrigin> origins) {}

    private RuleSetCompiler() {}

    /** Builds the rule files; returns null and fills {@code problems} when they do not compile. */
    static Compiled compile(List<RuleFile> files, List<LoadProblem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Map<String, RuleOrigin> origins = new HashMap<>();
        Map<String, RuleFile> bySourcePath = new HashMap<>();
        Map<String, DrlIndex> indexes = new HashMap<>();
        for (RuleFile file : files) {
            String drl = drlOf(file, problems);
            if (drl == null) {
                continue;
            }
            boolean table = file.kind() == RuleFile.Kind.DECISION_TABLE;
            DrlIndex index = table ? DrlIndex.ofGeneratedTable(file.path(), drl) : DrlIndex.ofDrl(file.path(), drl);
            if (table && index.ruleCount() == 0) {
                problems.add(LoadProblem.inFile(file.path(), NO_RULES));
                continue;
            }
            bySourcePath.put(file.path(), file);
            indexes.put(file.path(), index);
            origins.putAll(index.origins());
            builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(file.path()), ResourceType.DRL);
        }
        for (KnowledgeBuilderError error : builder.getErrors()) {
            problems.add(locate(error, bySourcePath, indexes));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Compiled(builder.newKieBase(), origins);
    }

    private static final String NO_RULES =
            "the table yields no rules: is there a 'RuleTable' cell with rows under its headers?";

    private static String drlOf(RuleFile file, List<LoadProblem> problems) {
        switch (file.kind()) {
            case DRL:
                return new String(file.content(), StandardCharsets.UTF_8);
            case DECISION_TABLE:
                try {
                    return DecisionTableTranslator.toDrl(file);
                } catch (RuntimeException e) {
                    String message = rootMessage(e);
                    problems.add(LoadProblem.inFile(file.path(), message.contains("No RuleTable")
                            ? NO_RULES : "cannot read the decision table: " + message));
                    return null;
                }
            case SKIPPED_TABLE:
                problems.add(LoadProblem.inFile(file.path(), "Drools compiles a decision table only when its name ends"
                        + " .drl.xlsx, .drl.xls or .drl.csv; rename it, or move it out of the rule folders"));
                return null;
            default:
                return null;
        }
    }

    private static LoadProblem locate(KnowledgeBuilderError error, Map<String, RuleFile> bySourcePath,
            Map<String, DrlIndex> indexes) {
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        RuleFile file = path == null ? null : bySourcePath.get(path);
        String text = error.getMessage() == null ? "" : error.getMessage().strip();
        Integer line = lineOf(error);
        if (file == null) {
            return new LoadProblem(path == null ? "(rule set)" : path, line, null, text);
        }
        if (file.kind() == RuleFile.Kind.DECISION_TABLE) {
            return new LoadProblem(file.path(), null, line == null ? null : indexes.get(path).rowAt(line), text);
        }
        return new LoadProblem(file.path(), line, null, text);
    }

    /** The error's own line, else the line of the rule or pattern it was found in (constraint errors carry no line). */
    private static Integer lineOf(KnowledgeBuilderError error) {
        int[] lines = error.getLines();
        if (lines != null && lines.length > 0 && lines[0] > 0) {
            return lines[0];
        }
        if (error instanceof DescrBuildError built) {
            for (BaseDescr descr : new BaseDescr[] {built.getDescr(), built.getParentDescr()}) {
                if (descr != null && descr.getLine() > 0) {
                    return descr.getLine();
                }
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
