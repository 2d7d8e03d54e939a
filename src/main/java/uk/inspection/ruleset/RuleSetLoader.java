package uk.inspection.ruleset;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds one framework's rule set from the files under a rules home. Loads run one at a time. */
public final class RuleSetLoader {

    private final Clock clock;

    public RuleSetLoader(Clock clock) {
        this.clock = clock;
    }

    public LoadResult load(Path home, String framework) {
        return load(home, framework, null);
    }

    /** Builds the framework unless its files still hash to {@code unlessVersion}. */
    public synchronized LoadResult load(Path home, String framework, String unlessVersion) {
        long started = System.nanoTime();
        List<RuleFile> files;
        try {
            files = RuleSetFiles.read(home, framework);
        } catch (IOException e) {
            return new LoadResult.Failed(framework, null,
                    List.of(LoadProblem.inFile(RuleSetFiles.RULES + "/" + framework, "cannot read: " + e.getMessage())));
        }
        String version = RuleSetFiles.version(files);
        if (version.equals(unlessVersion)) {
            return new LoadResult.Unchanged(framework, version);
        }
        List<LoadProblem> problems = new ArrayList<>();
        Manifest manifest = manifest(framework, files, problems);
        RuleSetCompiler.Compiled compiled = RuleSetCompiler.compile(files, problems);
        if (manifest != null && compiled != null) {
            problems.addAll(DecisionTableAnalysis.analyse(files, manifest));
        }
        List<TranslationTable> translations = manifest == null ? List.of() : files.stream()
                .filter(f -> f.kind() == RuleFile.Kind.TRANSLATION)
                .map(f -> TranslationTableReader.read(f, manifest, problems)).toList();
        if (!problems.isEmpty() || manifest == null || compiled == null) {
            return new LoadResult.Failed(framework, version, problems);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        files.stream().filter(f -> f.kind() != RuleFile.Kind.OTHER).forEach(f -> sources.put(f.path(), RuleSetFiles.fileHash(f)));
        RuleSet ruleSet = new RuleSet(framework, manifest, version, clock.instant(), sources, compiled.kieBase(),
                compiled.origins(), translations);
        return new LoadResult.Loaded(ruleSet, (System.nanoTime() - started) / 1_000_000);
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
