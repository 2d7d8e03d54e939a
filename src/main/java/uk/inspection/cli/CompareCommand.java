package uk.inspection.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import uk.inspection.regression.Comparison;
import uk.inspection.regression.CorpusComparison;
import uk.inspection.regression.FixtureComparison;
import uk.inspection.regression.LoadedRuleSets;
import uk.inspection.regression.MarkdownReport;
import uk.inspection.regression.RecordedComparison;
import uk.inspection.regression.Side;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetFiles;

@Command(name = "compare", description = { "Shows which decisions two rule sets make differently.",
        "Runs every fixture's input (or recorded decisions, or a generated corpus) through both and reports what "
                + "changed: a Markdown report on standard output (or --report), a JSON one with --json. "
                + "Progress goes to standard error. A side is a rules home folder, or the rule store as of an "
                + "instant or date (as-of:WHEN[:framework]): the framework's version in force then, the report "
                + "naming it and since when it was in force.",
        "", "Example: java -jar inspection-ratings.jar compare --baseline .:yj-2024 --candidate ../edited:yj-2024 \\",
        "           --fixtures fixtures/yj-2024 --fail-on-change",
        "Example: java -jar inspection-ratings.jar compare --baseline as-of:2026-01-01:yj-2024 \\",
        "           --candidate as-of:2026-06-01 --fixtures fixtures/yj-2024 --store data/rules.git" })
class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "HOME[:framework]|as-of:WHEN[:framework]",
            description = { "the rules home (and framework) decisions are compared from; or as-of: an instant or a "
                    + "date (the start of that day in Europe/London) and the framework whose version in force then "
                    + "is read from --store (without a framework, the candidate's)", "Example: --baseline .:yj-2018",
                    "Example: --baseline as-of:2026-01-01:yj-2024" })
    String baseline;

    @Option(names = "--candidate", required = true, paramLabel = "HOME[:framework]|as-of:WHEN[:framework]",
            description = {
                    "the rules home (and framework) decisions are compared to; or as-of, as for --baseline "
                            + "(without a framework, the baseline's)",
                    "Example: --candidate ../edited:yj-2024", "Example: --candidate as-of:2026-06-01T09:00:00Z" })
    String candidate;

    @Option(names = "--store", paramLabel = "DIR",
            description = { "the rule store's repository an as-of side is read from; default: data/rules.git",
                    "Example: --store /srv/rules/data/rules.git" })
    Path store = Path.of("data/rules.git");

    @Option(names = "--fixtures", paramLabel = "DIR",
            description = { "the fixtures whose inputs are compared", "Example: --fixtures fixtures/cross" })
    Path fixtures;

    @Option(names = "--decisions", paramLabel = "FILE.jsonl|JDBC-URL",
            description = {
                    "compare recorded decisions instead: a JSON Lines export, or the records database's JDBC URL "
                            + "(the service's own H2 file, the service stopped: jdbc:h2:file:./data/decisions); "
                            + "only the baseline's framework is compared, the others counted",
                    "Example: --decisions decisions.jsonl" })
    String decisions;

    @Option(names = "--corpus", paramLabel = "FILE.jsonl",
            description = {
                    "compare a corpus of rating requests instead, one a line (generate-corpus writes one), streamed",
                    "Example: --corpus target/corpus.jsonl" })
    Path corpus;

    @Option(names = "--threads", paramLabel = "N", description = {
            "with --corpus, decide on this many threads; default: one per available core", "Example: --threads 2" })
    Integer threads;

    @Option(names = "--db-user", paramLabel = "USER", description = {
            "the records database's user (with a JDBC URL; for H2, sa unless given)", "Example: --db-user ratings" })
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = { "the records database's password", "Example: --db-password \"$DB_PASSWORD\"" })
    String dbPassword;

    @Option(names = "--from", paramLabel = "INSTANT", description = {
            "recorded decisions from this time (ISO, included)", "Example: --from 2025-01-01T00:00:00Z" })
    java.time.Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = {
            "recorded decisions up to this time (ISO, excluded)", "Example: --to 2025-04-01T00:00:00Z" })
    java.time.Instant to;

    @Option(names = "--report", paramLabel = "FILE.md", description = {
            "write the Markdown report here (default: print it)", "Example: --report target/impact.md" })
    Path report;

    @Option(names = "--json", paramLabel = "FILE.json",
            description = { "write the JSON report here", "Example: --json target/impact.json" })
    Path json;

    @Option(names = "--fail-on-change", description = {
            "exit 1 when any decision changed (default: 0 whatever changed)", "Example: --fail-on-change" })
    boolean failOnChange;

    @Override
    public Integer call() throws Exception {
        AsOfSide baselineAsOf = asOf(baseline, candidate);
        AsOfSide candidateAsOf = asOf(candidate, baseline);
        Side baselineSide = baselineAsOf == null ? Side.parse(baseline) : new Side(store, baselineAsOf.framework());
        Side candidateSide = candidateAsOf == null ? Side.parse(candidate) : new Side(store, candidateAsOf.framework());
        for (Side side : homes(baselineSide, baselineAsOf, candidateSide, candidateAsOf)) {
            if (!Files.isDirectory(side.home().resolve("rules"))) {
                throw new ParameterException(spec.commandLine(),
                        side.home() + " is not a rules home (no rules/ folder)");
            }
        }
        long inputs = (fixtures == null ? 0 : 1) + (decisions == null ? 0 : 1) + (corpus == null ? 0 : 1);
        if (inputs != 1) {
            throw new ParameterException(spec.commandLine(),
                    "give one of --fixtures DIR, --decisions SOURCE or --corpus FILE.jsonl");
        }
        if (fixtures != null && !Files.isDirectory(fixtures)) {
            throw new ParameterException(spec.commandLine(), "no fixtures folder " + fixtures);
        }
        if (corpus != null) {
            checkFrameworkOptions("--corpus", homes(baselineSide, baselineAsOf, candidateSide, candidateAsOf));
            if (!Files.isRegularFile(corpus)) {
                throw new ParameterException(spec.commandLine(), "no corpus file " + corpus);
            }
            if (threads != null && threads < 1) {
                throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
            }
        }
        Progress progress = Progress.onStandardError(spec.commandLine().getErr());
        DecisionsReplay replay = null;
        if (decisions != null) {
            checkFrameworkOptions("--decisions", homes(baselineSide, baselineAsOf, candidateSide, candidateAsOf));
            replay = DecisionsReplay.open(decisions, dbUser, dbPassword, progress);
        }
        boolean sameHome = baselineAsOf == null && candidateAsOf == null
                && baselineSide.home()
                    .toAbsolutePath()
                    .normalize()
                    .equals(candidateSide.home().toAbsolutePath().normalize());
        AsOfSide.Built baselineBuilt = baselineAsOf == null ? null
                : baselineAsOf.build(store, spec.commandLine(), id -> progress.phase("building baseline " + id));
        AsOfSide.Built candidateBuilt = candidateAsOf == null ? null
                : candidateAsOf.build(store, spec.commandLine(), id -> progress.phase("building candidate " + id));
        LoadedRuleSets baselineRules = baselineBuilt != null ? baselineBuilt.rules()
                : rules(baselineSide, sameHome ? candidateSide : null, id -> progress.phase("building baseline " + id));
        LoadedRuleSets candidateRules = candidateBuilt != null ? candidateBuilt.rules() : sameHome ? baselineRules
                : rules(candidateSide, null, id -> progress.phase("building candidate " + id));
        String asOfNote = asOfNote(baselineAsOf, baselineBuilt, candidateAsOf, candidateBuilt);
        for (var pair : List.of(Map.entry(baselineSide, baselineRules), Map.entry(candidateSide, candidateRules))) {
            String framework = pair.getKey().framework();
            LoadedRuleSets rules = pair.getValue();
            if (framework != null && rules.didNotBuild(framework)) {
                throw new RulesDoNotBuild(List.of(pair.getKey() + ": " + rules.whyNot(framework)));
            }
            if (framework == null && !rules.buildProblems().isEmpty()) {
                throw new RulesDoNotBuild(rules.buildProblems());
            }
            if (framework != null && rules.get(framework) == null) {
                throw new ParameterException(spec.commandLine(), pair.getKey() + ": " + rules.whyNot(framework));
            }
        }

        if (replay != null) {
            return recorded(replay, baselineRules.get(baselineSide.framework()),
                    candidateRules.get(candidateSide.framework()), asOfNote);
        }
        if (corpus != null) {
            RuleSet baselineRuleSet = baselineRules.get(baselineSide.framework());
            RuleSet candidateRuleSet = candidateRules.get(candidateSide.framework());
            for (RuleSet ruleSet : List.of(baselineRuleSet, candidateRuleSet)) {
                if (!ruleSet.manifest().isRatings()) {
                    throw new ParameterException(spec.commandLine(),
                            ruleSet.id() + " is not a ratings framework: a corpus holds rating requests");
                }
            }
            return corpus(baselineRuleSet, candidateRuleSet, progress, asOfNote);
        }
        FixtureComparison comparison = new FixtureComparison(baselineSide, baselineRules, candidateSide,
                candidateRules);
        progress.phase("comparing the fixtures under " + fixtures);
        Comparison compared = comparison.over(fixtures);
        Comparison result = compared.describedAs(
                baselineAsOf == null ? compared.baseline() : baselineAsOf.report(store, baselineBuilt),
                candidateAsOf == null ? compared.candidate() : candidateAsOf.report(store, candidateBuilt));
        String markdown = MarkdownReport.render(result, comparison.ratingOrder());
        PrintWriter out = spec.commandLine().getOut();
        if (report != null) {
            Files.writeString(report, markdown);
        }
        else {
            out.print(markdown);
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        }
        out.println(result.total() == 0
                ? "nothing comparable (" + (result.skipped() == null ? 0 : result.skipped().size())
                        + " fixtures skipped, each with its reason in the report)"
                : result.total() + " compared, " + result.changed() + " changed");
        out.flush();
        return failOnChange && result.changed() > 0 ? ExitCodes.FOUND : ExitCodes.OK;
    }

    /**
     * Recorded decisions re-decided under both sides (one framework each), with progress
     * on standard error; records of other frameworks are counted, in the report and on
     * standard error, not compared.
     */
    private int recorded(DecisionsReplay replay, RuleSet baselineRuleSet, RuleSet candidateRuleSet, String asOfNote)
            throws Exception {
        long started = System.nanoTime();
        DecisionsReplay.Replayed replayed = replay.run(from, to, baselineRuleSet, candidateRuleSet);
        RecordedComparison.Result result = replayed.result();
        double seconds = (System.nanoTime() - started) / 1e9;
        String skipped = replayed.skipped() == 0 ? ""
                : replayed.skipped() + " recorded decisions of other frameworks than " + baselineRuleSet.id()
                        + " skipped ("
                        + replayed.otherFrameworks()
                            .entrySet()
                            .stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(", "))
                        + ")";
        if (!skipped.isEmpty()) {
            spec.commandLine().getErr().println(skipped);
            spec.commandLine().getErr().flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        write(result, "Recorded decisions re-decided", notes(asOfNote, skipped));
        out.printf("%d compared, %d changed (%.0f decisions/s)%n", result.total(), result.changed(),
                result.total() / Math.max(seconds, 1e-9));
        out.flush();
        return failOnChange && result.changed() > 0 ? ExitCodes.FOUND : ExitCodes.OK;
    }

    /**
     * A generated corpus (or any JSON Lines of rating requests) decided under both sides
     * on every core, streamed; the two frameworks only are built.
     */
    private int corpus(RuleSet baselineRuleSet, RuleSet candidateRuleSet, Progress progress, String asOfNote)
            throws Exception {
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        long requests = CorpusComparison.count(corpus);
        progress.phase("comparing " + requests + " requests of " + corpus + " on " + threadCount + " threads");
        long started = System.nanoTime();
        RecordedComparison.Result result;
        try {
            result = CorpusComparison.over(corpus, baselineRuleSet, candidateRuleSet, threadCount, 1_000,
                    done -> progress.step("compared", done, requests));
        }
        catch (CorpusComparison.UnreadableLine e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        progress.done();
        write(result, "Corpus decided under both rule sets", asOfNote);
        PrintWriter out = spec.commandLine().getOut();
        // Each request is decided twice, once by each side.
        out.printf("%d compared, %d changed (%.1f s: %.0f requests/s, %.0f decisions/s on %d threads)%n",
                result.total(), result.changed(), seconds, result.total() / seconds, 2 * result.total() / seconds,
                threadCount);
        out.flush();
        return failOnChange && result.changed() > 0 ? ExitCodes.FOUND : ExitCodes.OK;
    }

    /**
     * With a corpus or recorded decisions each side names its framework, one its home
     * holds (an as-of side always names one, which the store is asked for).
     */
    private void checkFrameworkOptions(String input, List<Side> homes) {
        if (homes.stream().anyMatch(side -> side.framework() == null)) {
            throw new ParameterException(spec.commandLine(),
                    "with " + input + ", name the framework on each side (HOME:id)");
        }
        for (Side side : homes) {
            if (!RuleSetFiles.frameworks(side.home()).contains(side.framework())) {
                throw new ParameterException(spec.commandLine(),
                        "no framework " + side.framework() + " under " + side.home() + " (frameworks: "
                                + String.join(", ", RuleSetFiles.frameworks(side.home())) + ")");
            }
        }
    }

    /** The side given, when it is as-of; null for a rules home. */
    private AsOfSide asOf(String side, String otherSide) {
        return AsOfSide.isAsOf(side) ? AsOfSide.parse(side, otherSide, spec.commandLine()) : null;
    }

    /** The sides read from a rules home, not from the store. */
    private static List<Side> homes(Side baselineSide, AsOfSide baselineAsOf, Side candidateSide,
            AsOfSide candidateAsOf) {
        return Stream.of(baselineAsOf == null ? baselineSide : null, candidateAsOf == null ? candidateSide : null)
            .filter(Objects::nonNull)
            .toList();
    }

    /**
     * What a re-decided run's report says of each as-of side: the version in force then,
     * since when, and the store it was read from ("" with none).
     */
    private String asOfNote(AsOfSide baselineAsOf, AsOfSide.Built baselineBuilt, AsOfSide candidateAsOf,
            AsOfSide.Built candidateBuilt) {
        List<String> lines = new ArrayList<>();
        if (baselineAsOf != null) {
            lines.add("baseline " + baseline + ": " + baselineAsOf.describe(baselineBuilt));
        }
        if (candidateAsOf != null) {
            lines.add("candidate " + candidate + ": " + candidateAsOf.describe(candidateBuilt));
        }
        return lines.isEmpty() ? "" : "Read from the rule store " + store + ":\n\n- " + String.join("\n- ", lines);
    }

    private static String notes(String... notes) {
        return Stream.of(notes).filter(note -> !note.isEmpty()).collect(Collectors.joining("\n\n"));
    }

    /**
     * The side's rule sets: with a corpus or recorded decisions only the frameworks
     * compared (its own, and the other side's when both share the home), else every one
     * of its home.
     */
    private LoadedRuleSets rules(Side side, Side sameHome, java.util.function.Consumer<String> building) {
        if (corpus == null && decisions == null) {
            return new LoadedRuleSets(side.home(), building);
        }
        List<String> frameworks = sameHome == null ? List.of(side.framework())
                : Stream.of(side.framework(), sameHome.framework()).distinct().toList();
        return new LoadedRuleSets(side.home(), frameworks, building);
    }

    /**
     * A re-decided run's report, with a note at its end if there is one: Markdown on
     * standard output or to --report, JSON to --json.
     */
    private void write(RecordedComparison.Result result, String title, String note) throws java.io.IOException {
        String md = MarkdownReport.render(result, title) + (note.isEmpty() ? "" : "\n" + note + "\n");
        if (report != null) {
            Files.writeString(report, md);
        }
        else {
            spec.commandLine().getOut().print(md);
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        }
    }

}
