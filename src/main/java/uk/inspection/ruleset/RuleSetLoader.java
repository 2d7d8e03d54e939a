package uk.inspection.ruleset;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.Compilation;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleEngine;
import uk.inspection.engine.RuleSource;
import uk.inspection.engine.drools.DroolsRuleEngine;

/**
 * Builds one framework's rule set from its files: the manifest, the rules compiled by the
 * engine, the decision tables analysed against the manifest's domains, the translation
 * tables. Loads may run at once: each has its own Drools builder, and decision tables are
 * translated here to DRL (not through Drools' table provider, which caches generated DRL
 * by path, JVM-wide).
 */
public final class RuleSetLoader {

    private final Clock clock;

    private final RuleEngine engine;

    private final BuildLimits buildLimits;

    public RuleSetLoader(Clock clock) {
        this(clock, EvaluationLimits.DEFAULTS, BuildLimits.DEFAULTS);
    }

    /**
     * A loader whose rule sets evaluate within these limits, and are refused beyond the
     * build limits.
     */
    public RuleSetLoader(Clock clock, EvaluationLimits limits, BuildLimits buildLimits) {
        this(clock, new DroolsRuleEngine(limits, buildLimits), buildLimits);
    }

    RuleSetLoader(Clock clock, RuleEngine engine, BuildLimits buildLimits) {
        this.clock = clock;
        this.engine = engine;
        this.buildLimits = buildLimits;
    }

    public LoadResult load(Path home, String framework) {
        return load(new FolderSnapshot(home), framework, null);
    }

    /**
     * Builds the framework from a snapshot unless its files still hash to
     * {@code unlessVersion}.
     */
    public LoadResult load(RulesSnapshot snapshot, String framework, String unlessVersion) {
        List<RuleFile> files;
        try {
            files = snapshot.files(framework);
        }
        catch (IOException e) {
            Path home = snapshot instanceof FolderSnapshot folder ? folder.home() : Path.of("");
            return new LoadResult.Failed(framework, null, List.of(ReadFailures.of(home, framework, e)));
        }
        return load(framework, files, snapshot.commit(framework), unlessVersion);
    }

    /**
     * Builds the framework from these files (relative to a rules home) unless they hash
     * to {@code unlessVersion}; {@code commit} is the store's commit they came from, if
     * any.
     */
    public LoadResult load(String framework, List<RuleFile> files, String commit, String unlessVersion) {
        long started = System.nanoTime();
        String version = RuleSetFiles.version(files);
        if (version.equals(unlessVersion)) {
            return new LoadResult.Unchanged(framework, version);
        }
        List<LoadProblem> oversized = files.stream()
            .filter(f -> buildLimits.whyTooLarge(f.content().length) != null)
            .map(f -> LoadProblem.inFile(f.path(), buildLimits.whyTooLarge(f.content().length)))
            .toList();
        if (!oversized.isEmpty()) {
            return new LoadResult.Failed(framework, version, oversized);
        }
        List<LoadProblem> problems = new ArrayList<>();
        Manifest manifest = manifest(framework, files, problems);
        Compilation compilation = engine.compile(framework, sources(files, problems));
        if (compilation instanceof Compilation.Failed failed) {
            problems.addAll(failed.problems());
        }
        else if (manifest != null && compilation instanceof Compilation.Compiled compiled) {
            problems.addAll(DecisionTableAnalysis.analyse(compiled.tables(), manifest));
            problems.addAll(NameJoins.check(compiled.patterns(), compiled.rules().insertedWithoutFacts()));
        }
        List<TranslationTable> translations = manifest == null ? List.of()
                : files.stream()
                    .filter(f -> f.kind() == RuleFile.Kind.TRANSLATION)
                    .map(f -> TranslationTableReader.read(f, manifest, problems))
                    .toList();
        if (!problems.isEmpty() || manifest == null || !(compilation instanceof Compilation.Compiled compiled)) {
            return new LoadResult.Failed(framework, version, problems);
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        files.stream()
            .filter(f -> f.kind() != RuleFile.Kind.OTHER)
            .forEach(f -> hashes.put(f.path(), RuleSetFiles.fileHash(f)));
        RuleSet ruleSet = new RuleSet(framework, manifest, version, commit, clock.instant(), hashes, translations,
                compiled.rules());
        return new LoadResult.Loaded(ruleSet, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The files the engine compiles; a table Drools would skip for its name is a problem,
     * not silence.
     */
    private static List<RuleSource> sources(List<RuleFile> files, List<LoadProblem> problems) {
        List<RuleSource> sources = new ArrayList<>();
        for (RuleFile file : files) {
            switch (file.kind()) {
                case DRL -> sources.add(new RuleSource(file.path(), RuleSource.Type.DRL, file.content()));
                case DECISION_TABLE -> sources.add(new RuleSource(file.path(),
                        file.isCsv() ? RuleSource.Type.CSV_TABLE : RuleSource.Type.WORKBOOK_TABLE, file.content()));
                case SKIPPED_TABLE -> problems.add(LoadProblem.inFile(file.path(), "Drools compiles a decision table"
                        + " only when its name ends .drl.xlsx, .drl.xls or .drl.csv; rename it, or move it out of the"
                        + " rule folders"));
                default -> {
                    // the manifest, translation tables and other files are read here, not
                    // compiled
                }
            }
        }
        return sources;
    }

    private static Manifest manifest(String framework, List<RuleFile> files, List<LoadProblem> problems) {
        List<RuleFile> manifests = files.stream().filter(f -> f.kind() == RuleFile.Kind.MANIFEST).toList();
        String expected = RuleSetFiles.RULES + "/" + framework + "/" + RuleFile.MANIFEST_NAME;
        if (manifests.size() != 1 || !manifests.get(0).path().equals(expected)) {
            problems.add(LoadProblem.inFile(expected, "every framework needs exactly one manifest, at " + expected));
            return null;
        }
        return ManifestReader.read(manifests.get(0), problems);
    }

}
