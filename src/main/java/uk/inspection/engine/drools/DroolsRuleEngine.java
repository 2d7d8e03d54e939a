package uk.inspection.engine.drools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drools.compiler.compiler.DescrBuildError;
import org.drools.drl.ast.descr.BaseDescr;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.Compilation;
import uk.inspection.engine.DecisionTable;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.PatternUse;
import uk.inspection.engine.RuleEngine;
import uk.inspection.engine.RuleSource;
import uk.inspection.engine.drools.DecisionTableTranslator.Generated;

/**
 * Drools behind {@link RuleEngine}: compiles DRL files and decision tables into a KieBase
 * with the classic (non-executable-model) builder, so rules load at run time and errors
 * keep their line numbers. Every problem comes back located at its file and line or sheet
 * row.
 */
public final class DroolsRuleEngine implements RuleEngine {

    private final EvaluationLimits limits;

    private final BuildLimits buildLimits;

    /** An engine whose evaluations have the default limits. */
    public DroolsRuleEngine() {
        this(EvaluationLimits.DEFAULTS, BuildLimits.DEFAULTS);
    }

    public DroolsRuleEngine(EvaluationLimits limits) {
        this(limits, BuildLimits.DEFAULTS);
    }

    public DroolsRuleEngine(EvaluationLimits limits, BuildLimits buildLimits) {
        this.limits = limits;
        this.buildLimits = buildLimits;
    }

    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private static final String NO_RULES = "the table yields no rules: is there a 'RuleTable' cell with rows under its headers?";

    @Override
    public Compilation compile(String ruleSetId, List<RuleSource> sources) {
        List<LoadProblem> problems = new ArrayList<>();
        Map<String, RuleOrigin> origins = new HashMap<>();
        Map<String, Generated> generatedByPath = new HashMap<>();
        Map<String, String> drlByPath = new LinkedHashMap<>();
        List<DecisionTable> tables = new ArrayList<>();
        List<PatternUse> patterns = new ArrayList<>();
        Map<String, Integer> rulesByPath = new HashMap<>();
        for (RuleSource source : sources) {
            if (source.type() == RuleSource.Type.DRL) {
                String drl = new String(source.content(), StandardCharsets.UTF_8);
                DrlRules.Read read = DrlRules.read(source.path(), drl);
                rulesByPath.put(source.path(), read.origins().size());
                origins.putAll(read.origins());
                patterns.addAll(read.patterns());
                drlByPath.put(source.path(), drl);
                continue;
            }
            DecisionTableTranslator.Translated table = translate(source, problems);
            if (table == null) {
                continue;
            }
            rulesByPath.put(source.path(), table.origins().size());
            origins.putAll(table.origins());
            tables.addAll(table.tables());
            problems.addAll(table.problems());
            if (table.problems().isEmpty()) {
                for (Generated generated : table.generated()) {
                    generatedByPath.put(generated.resourcePath(), generated);
                    drlByPath.put(generated.resourcePath(), generated.drl());
                }
            }
        }
        LoadProblem tooMany = tooManyRules(rulesByPath);
        if (tooMany != null) {
            return new Compilation.Failed(List.of(tooMany));
        }
        // Nothing of a file is compiled, let alone run, until every file has passed the
        // allow-list: a refused construct could run while Drools builds the others.
        drlByPath.forEach((path, drl) -> {
            Generated table = generatedByPath.get(path);
            problems.addAll(UnchangedFiles.refusals(path, drl, table, () -> Refusals.of(path, drl, table)));
        });
        if (!problems.isEmpty()) {
            return new Compilation.Failed(problems);
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(RememberingClassLoader.SERVICE));
        drlByPath.forEach((path, drl) -> add(builder, path, drl));
        List<KnowledgeBuilderError> errors = new ArrayList<>(builder.getErrors());
        for (KnowledgeBuilderError error : errors) {
            if (!isEchoOfAnother(error, errors)) {
                problems.add(locate(error, generatedByPath));
            }
        }
        if (!problems.isEmpty()) {
            return new Compilation.Failed(problems);
        }
        return new Compilation.Compiled(new DroolsRules(ruleSetId, builder.newKieBase(), origins, limits), tables,
                patterns);
    }

    /**
     * A rule set over the limit, refused before its rules are checked or compiled (the
     * costly part), at the file holding the most rules.
     */
    private LoadProblem tooManyRules(Map<String, Integer> rulesByPath) {
        int rules = rulesByPath.values().stream().mapToInt(Integer::intValue).sum();
        String why = buildLimits.whyTooManyRules(rules);
        return why == null ? null
                : LoadProblem.inFile(Collections.max(rulesByPath.entrySet(), Map.Entry.comparingByValue()).getKey(),
                        why + "; this file has " + Collections.max(rulesByPath.values()));
    }

    /**
     * Drools follows a parse error with "Parser returned a null Package" for the same
     * file: it says nothing more.
     */
    private static boolean isEchoOfAnother(KnowledgeBuilderError error, List<KnowledgeBuilderError> errors) {
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        return NULL_PACKAGE.equals(error.getMessage()) && errors.stream()
            .anyMatch(other -> other != error && !NULL_PACKAGE.equals(other.getMessage()) && other.getResource() != null
                    && other.getResource().getSourcePath().equals(path));
    }

    @Override
    public List<DecisionTable> readTables(RuleSource table) throws IOException {
        try {
            return UnchangedFiles.translated(table, DecisionTableTranslator::translate).tables();
        }
        catch (RuntimeException e) {
            throw new IOException("cannot read the decision table " + table.path() + ": " + rootMessage(e), e);
        }
    }

    private static void add(KnowledgeBuilder builder, String path, String drl) {
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)).setSourcePath(path),
                ResourceType.DRL);
    }

    private static DecisionTableTranslator.Translated translate(RuleSource table, List<LoadProblem> problems) {
        try {
            DecisionTableTranslator.Translated translated = UnchangedFiles.translated(table,
                    DecisionTableTranslator::translate);
            if (translated.generated().isEmpty()) {
                problems.add(LoadProblem.inFile(table.path(), NO_RULES));
                return null;
            }
            return translated;
        }
        catch (IOException | RuntimeException e) {
            String message = rootMessage(e);
            problems
                .add(LoadProblem.inFile(table.path(),
                        message.contains("No RuleTable") ? NO_RULES : notAWorkbook(e)
                                ? "cannot read the decision table: it is not a workbook Excel or LibreOffice can"
                                        + " open (damaged, or another format saved under this name)"
                                : "cannot read the decision table: " + message));
            return null;
        }
    }

    private static LoadProblem locate(KnowledgeBuilderError error, Map<String, Generated> generatedByPath) {
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        String text = error.getMessage() == null ? "" : error.getMessage().strip();
        Integer line = lineOf(error);
        if (path == null) {
            return new LoadProblem("(rule set)", line, null, text);
        }
        Generated table = generatedByPath.get(path);
        if (table != null) {
            String file = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
            Integer row = line == null ? null : table.rowAt(line);
            CellBlame.Blamed blamed = row == null ? null : CellBlame.find(table, line, row, text);
            if (blamed != null) {
                return LoadProblem.inCell(file, table.sheet(), row, blamed.column(), "the value '" + blamed.value()
                        + "' in the '" + blamed.label() + "' cell makes a rule Drools cannot read: " + text);
            }
            return table.sheet() == null ? new LoadProblem(file, null, row, text)
                    : new LoadProblem(file, null, row, table.sheet(), null, text);
        }
        return new LoadProblem(path, line, null, text);
    }

    /**
     * The error's own line, else the line of the rule or pattern it was found in
     * (constraint errors carry no line).
     */
    private static Integer lineOf(KnowledgeBuilderError error) {
        int[] lines = error.getLines();
        if (lines != null && lines.length > 0 && lines[0] > 0) {
            return lines[0];
        }
        if (error instanceof DescrBuildError built) {
            for (BaseDescr descr : new BaseDescr[] { built.getDescr(), built.getParentDescr() }) {
                if (descr != null && descr.getLine() > 0) {
                    return descr.getLine();
                }
            }
        }
        return null;
    }

    /**
     * The workbook library could not open the file; its words (and paths) mean nothing to
     * the methodology team.
     */
    private static boolean notAWorkbook(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t.getClass().getName().startsWith("org.apache.poi")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

}
