package uk.inspection.engine.drools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.compiler.DescrBuildError;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.internal.builder.KnowledgeBuilderError;

import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.Compilation;
import uk.inspection.engine.DecisionTable;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.PatternUse;
import uk.inspection.engine.RuleEngine;
import uk.inspection.engine.RuleSource;
import uk.inspection.engine.drools.tables.DecisionTableTranslator.Generated;
import uk.inspection.engine.drools.allowlist.GeneratedClasses;
import uk.inspection.engine.drools.allowlist.ParsedDrl;
import uk.inspection.engine.drools.allowlist.Refusals;
import uk.inspection.engine.drools.allowlist.RuleWork;
import uk.inspection.engine.drools.allowlist.UnicodeEscapes;
import uk.inspection.engine.drools.tables.CellBlame;
import uk.inspection.engine.drools.tables.DecisionTableTranslator;

/**
 * Drools behind {@link RuleEngine}: compiles DRL files and decision tables into a KieBase
 * with the classic (non-executable-model) builder, so rules load at run time and errors
 * keep their line numbers. Every problem comes back located at its file and line or sheet
 * row. Rule text is untrusted (docs/security.md): a text with a Unicode escape is not
 * parsed, a parsed text must pass the allow-list before anything of it is compiled, and
 * the classes compiled must pass {@link GeneratedClasses} before any rule fires.
 */
public final class DroolsRuleEngine implements RuleEngine {

    private final EvaluationLimits limits;

    private final BuildLimits buildLimits;

    private final SourceCheck sourceCheck;

    /** Rule sets compiled before, by their sources' hash; null for none. */
    private final CompiledRules kept;

    /** What this engine's builds derived from files they read, for its next builds. */
    private final UnchangedFiles unchanged = new UnchangedFiles();

    /** An engine whose evaluations have the default limits. */
    public DroolsRuleEngine() {
        this(EvaluationLimits.DEFAULTS, BuildLimits.DEFAULTS);
    }

    public DroolsRuleEngine(EvaluationLimits limits) {
        this(limits, BuildLimits.DEFAULTS);
    }

    public DroolsRuleEngine(EvaluationLimits limits, BuildLimits buildLimits) {
        this(limits, buildLimits, (CompiledRules) null);
    }

    /**
     * An engine that keeps what it compiles in {@code kept} and loads what is kept there
     * instead of compiling it again; none when null.
     */
    public DroolsRuleEngine(EvaluationLimits limits, BuildLimits buildLimits, CompiledRules kept) {
        this(limits, buildLimits, Refusals::of, kept);
    }

    /**
     * An engine with another check of the rule text than the allow-list: for tests that
     * show the check of the generated classes works on its own.
     */
    DroolsRuleEngine(EvaluationLimits limits, BuildLimits buildLimits, SourceCheck sourceCheck) {
        this(limits, buildLimits, sourceCheck, null);
    }

    private DroolsRuleEngine(EvaluationLimits limits, BuildLimits buildLimits, SourceCheck sourceCheck,
            CompiledRules kept) {
        this.limits = limits;
        this.buildLimits = buildLimits;
        this.sourceCheck = sourceCheck;
        this.kept = kept;
    }

    /** The check of a parsed DRL text that comes before anything of it is compiled. */
    @FunctionalInterface
    interface SourceCheck {

        List<LoadProblem> refusals(String path, String drl, PackageDescr parsed, Generated table);

    }

    private static final String NO_RULES = "the table yields no rules: is there a 'RuleTable' cell with rows under its headers?";

    @Override
    public Compilation compile(String ruleSetId, List<RuleSource> sources) {
        List<LoadProblem> problems = new ArrayList<>();
        Texts texts = Texts.of(sources, problems, unchanged);
        // Nothing of a file is compiled, let alone run, until every file has passed the
        // checks: a refused construct could run while Drools builds the others.
        List<ParsedDrl> parsed = parse(texts, problems, problems);
        LoadProblem tooMany = tooManyRules(parsed);
        if (tooMany != null) {
            return new Compilation.Failed(List.of(tooMany));
        }
        parsed.forEach(drl -> problems.addAll(refusals(drl, texts)));
        if (!problems.isEmpty()) {
            return new Compilation.Failed(problems);
        }
        Map<String, RuleOrigin> origins = new HashMap<>(texts.origins());
        List<PatternUse> patterns = new ArrayList<>();
        for (ParsedDrl drl : parsed) {
            if (!texts.generatedByPath().containsKey(drl.path())) {
                DrlRules.Read read = DrlRules.read(drl.path(), drl.descr());
                origins.putAll(read.origins());
                patterns.addAll(read.patterns());
            }
        }
        String key = kept == null ? null : CompiledRules.key(sources);
        CompiledRules.Classes keptClasses = kept == null ? null : kept.load(key).orElse(null);
        if (keptClasses != null) {
            Made made = checkedAndMade(keptClasses, parsed, texts);
            if (made.kieBase() != null) {
                return compiled(ruleSetId, made.kieBase(), origins, texts, patterns);
            }
            // what was kept is checked as anything compiled is: refused, it is compiled
            // again from the files
            kept.refuse(key, made.problems().stream().map(LoadProblem::message).toList().toString());
        }
        CompiledRules.Classes compiled;
        try {
            compiled = compile(parsed, texts, problems);
        }
        catch (StackOverflowError e) {
            return new Compilation.Failed(List.of(LoadProblem.inFile("(rule set)", ParsedDrl.TOO_DEEP)));
        }
        if (!problems.isEmpty()) {
            return new Compilation.Failed(problems);
        }
        Made made = checkedAndMade(compiled, parsed, texts);
        if (made.kieBase() == null) {
            return new Compilation.Failed(made.problems());
        }
        if (kept != null) {
            // only what passed every check, and was made into a rule set, is kept
            kept.store(key, compiled);
        }
        return compiled(ruleSetId, made.kieBase(), origins, texts, patterns);
    }

    private Compilation compiled(String ruleSetId, KieBase kieBase, Map<String, RuleOrigin> origins, Texts texts,
            List<PatternUse> patterns) {
        return new Compilation.Compiled(new DroolsRules(ruleSetId, kieBase, origins, limits), texts.tables(), patterns);
    }

    /** A rule set made of compiled classes, or why not. */
    private record Made(KieBase kieBase, List<LoadProblem> problems) {

        static Made refused(List<LoadProblem> problems) {
            return new Made(null, problems);
        }

        static Made refused(String why) {
            return refused(List.of(LoadProblem.inFile("(rule set)", why)));
        }

    }

    /**
     * The classes checked (before any of them is loaded: a class runs its initialiser as
     * it loads), rewritten, loaded and made into a KieBase. Making the model runs the
     * code that describes the rules, within a budget of rule work and a watchdog, as an
     * evaluation runs its rules.
     */
    private Made checkedAndMade(CompiledRules.Classes compiled, List<ParsedDrl> parsed, Texts texts) {
        List<LoadProblem> refused = GeneratedClasses.check(compiled.classes(), compiled.models(), parsed,
                texts.generatedByPath());
        if (!refused.isEmpty()) {
            return Made.refused(refused);
        }
        try (RuleWork.Scope work = RuleWork.begin(limits)) {
            List<Model> models;
            Deadline deadline = Deadline.start(null, modelLimits(), work);
            try {
                models = ModelClasses.models(GeneratedClasses.bound(compiled.classes()), compiled.models());
            }
            catch (ThreadDeath e) {
                return Made.refused("making the rules' model " + deadline.why() + " and was stopped");
            }
            catch (RuntimeException | LinkageError e) {
                return Made.refused("the rules' model could not be made: " + rootMessage(e));
            }
            finally {
                DroolsRules.closeAfterStop(deadline);
            }
            List<String> unbounded = GeneratedClasses.unbounded(models);
            if (!unbounded.isEmpty()) {
                // fail closed: a consequence came from elsewhere than the rewritten
                // classes
                return Made.refused("the work of the rules " + unbounded + " could not be bounded: " + Refusals.POLICY);
            }
            return new Made(KieBaseBuilder.createKieBaseFromModel(models, KieServices.get().newKieBaseConfiguration()),
                    List.of());
        }
    }

    /**
     * The budget for making a rule set's model: what describes the rules is straight-line
     * code, but it runs cold, once, on a build thread; ten evaluations' time, one's
     * memory.
     */
    private EvaluationLimits modelLimits() {
        return new EvaluationLimits(limits.deadline().multipliedBy(10), limits.maxFirings(), limits.maxValueLength(),
                limits.maxAllocatedBytes());
    }

    /**
     * The parsed texts compiled by the executable model; its errors added to problems.
     */
    private static CompiledRules.Classes compile(List<ParsedDrl> parsed, Texts texts, List<LoadProblem> problems) {
        ExecutableModel.Compiled compiled = ExecutableModel.compile(parsed);
        compiled.errors().forEach(error -> problems.add(locate(error, texts)));
        compiled.javaErrors().forEach(error -> problems.add(locate(error, parsed, texts)));
        return new CompiledRules.Classes(compiled.classes(), compiled.models());
    }

    @Override
    public List<LoadProblem> refusals(List<RuleSource> sources) {
        // What cannot be read at all (a damaged table, DRL that does not parse) is left
        // to compile() to report.
        Texts texts = Texts.of(sources, new ArrayList<>(), unchanged);
        List<LoadProblem> refusals = new ArrayList<>();
        parse(texts, refusals, new ArrayList<>()).forEach(drl -> refusals.addAll(refusals(drl, texts)));
        return refusals;
    }

    /**
     * Each text parsed once: a text with a Unicode escape is refused and never parsed; a
     * text that does not parse has its parser's errors added to {@code unreadable}.
     */
    private static List<ParsedDrl> parse(Texts texts, List<LoadProblem> refusals, List<LoadProblem> unreadable) {
        List<ParsedDrl> parsed = new ArrayList<>();
        texts.drlByPath().forEach((path, drl) -> {
            List<LoadProblem> escapes = UnicodeEscapes.refusals(path, drl, texts.generatedByPath().get(path));
            if (!escapes.isEmpty()) {
                refusals.addAll(escapes);
                return;
            }
            ParsedDrl drlParsed = ParsedDrl.parse(path, drl);
            drlParsed.errors().forEach(error -> unreadable.add(locate(error, texts)));
            if (drlParsed.errors().isEmpty()) {
                parsed.add(drlParsed);
            }
        });
        return parsed;
    }

    /** What the source check refuses of a parsed text, kept for the same text. */
    private List<LoadProblem> refusals(ParsedDrl drl, Texts texts) {
        Generated table = texts.generatedByPath().get(drl.path());
        return unchanged.refusals(drl.path(), drl.text(), table, () -> {
            try {
                return sourceCheck.refusals(drl.path(), drl.text(), drl.descr(), table);
            }
            catch (StackOverflowError e) {
                return List.of(LoadProblem.inFile(drl.file(), ParsedDrl.TOO_DEEP));
            }
        });
    }

    /**
     * A rule set over the limit, refused before its rules are checked or compiled (the
     * costly part), at the file holding the most rules.
     */
    private LoadProblem tooManyRules(List<ParsedDrl> parsed) {
        Map<String, Integer> rulesByFile = new HashMap<>();
        parsed.forEach(drl -> rulesByFile.merge(drl.file(), drl.descr().getRules().size(), Integer::sum));
        String why = buildLimits.whyTooManyRules(rulesByFile.values().stream().mapToInt(Integer::intValue).sum());
        return why == null ? null
                : LoadProblem.inFile(Collections.max(rulesByFile.entrySet(), Map.Entry.comparingByValue()).getKey(),
                        why + "; this file has " + Collections.max(rulesByFile.values()));
    }

    /**
     * The DRL texts of a rule set's sources (a DRL file's text, a decision table's
     * generated DRL by its resource path), with what reading the tables gave; a table's
     * problems are added to {@code problems} and its DRL left out.
     */
    private record Texts(Map<String, String> drlByPath, Map<String, Generated> generatedByPath,
            Map<String, RuleOrigin> origins, List<DecisionTable> tables) {

        static Texts of(List<RuleSource> sources, List<LoadProblem> problems, UnchangedFiles unchanged) {
            Texts texts = new Texts(new LinkedHashMap<>(), new HashMap<>(), new HashMap<>(), new ArrayList<>());
            for (RuleSource source : sources) {
                if (source.type() == RuleSource.Type.DRL) {
                    texts.drlByPath().put(source.path(), new String(source.content(), StandardCharsets.UTF_8));
                    continue;
                }
                DecisionTableTranslator.Translated table = translate(source, problems, unchanged);
                if (table == null) {
                    continue;
                }
                table.rows()
                    .forEach(rule -> texts.origins()
                        .put(RuleOrigin.key(rule.pkg(), rule.rule()), RuleOrigin.row(source.path(), rule.row())));
                texts.tables().addAll(table.tables());
                problems.addAll(table.problems());
                if (table.problems().isEmpty()) {
                    for (Generated generated : table.generated()) {
                        texts.generatedByPath().put(generated.resourcePath(), generated);
                        texts.drlByPath().put(generated.resourcePath(), generated.drl());
                    }
                }
            }
            return texts;
        }

    }

    @Override
    public List<DecisionTable> readTables(RuleSource table) throws IOException {
        try {
            return unchanged.translated(table, DecisionTableTranslator::translate).tables();
        }
        catch (RuntimeException e) {
            throw new IOException("cannot read the decision table " + table.path() + ": " + rootMessage(e), e);
        }
    }

    private static DecisionTableTranslator.Translated translate(RuleSource table, List<LoadProblem> problems,
            UnchangedFiles unchanged) {
        try {
            DecisionTableTranslator.Translated translated = unchanged.translated(table,
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

    private static LoadProblem locate(KnowledgeBuilderError error, Texts texts) {
        Map<String, Generated> generatedByPath = texts.generatedByPath();
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        String text = withoutStackTrace(error.getMessage());
        Integer line = lineOf(error);
        if (line == null && path != null) {
            line = lineOfExpression(text, texts.drlByPath().get(path));
        }
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
     * A Java compiler's error in what the executable model generated, at the rule it was
     * generated for (its line, or its table row) when the generated source names it.
     */
    private static LoadProblem locate(ExecutableModel.JavaError error, List<ParsedDrl> parsed, Texts texts) {
        String what = "cannot be compiled: " + error.message();
        for (ParsedDrl drl : parsed) {
            if (drl.path().equals(error.path())) {
                for (RuleDescr rule : drl.descr().getRules()) {
                    if (rule.getName().equals(error.rule())) {
                        return Refusals.at(drl.path(), texts.generatedByPath().get(drl.path()), rule.getLine(), "",
                                rule.getName(), what);
                    }
                }
            }
        }
        return LoadProblem.inFile("(rule set)", "a rule cannot be compiled: " + error.message());
    }

    /**
     * The builder's words without the stack trace the executable model appends to some (a
     * methodology author is told what and where, not the compiler's call stack).
     */
    private static String withoutStackTrace(String message) {
        if (message == null) {
            return "";
        }
        int trace = message.indexOf("Problem stacktrace");
        return (trace < 0 ? message : message.substring(0, trace)).strip();
    }

    /**
     * The line of the text an expression the executable model could not read is on: its
     * errors carry the expression, not always its line. Compared without spaces, since it
     * prints the expression again in its own spacing.
     */
    private static Integer lineOfExpression(String message, String drl) {
        Matcher expression = UNREADABLE_EXPRESSION.matcher(message);
        if (drl == null || !expression.find()) {
            return null;
        }
        String sought = expression.group(1).replaceAll("\\s", "");
        List<String> lines = drl.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!sought.isEmpty() && lines.get(i).replaceAll("\\s", "").contains(sought)) {
                return i + 1;
            }
        }
        return null;
    }

    private static final Pattern UNREADABLE_EXPRESSION = Pattern.compile("^Unable to Analyse Expression (.+):$");

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
