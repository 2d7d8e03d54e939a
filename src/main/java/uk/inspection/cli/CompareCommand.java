package uk.inspection.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import uk.inspection.regression.Comparison;
import uk.inspection.regression.FixtureComparison;
import uk.inspection.regression.LoadedRuleSets;
import uk.inspection.regression.MarkdownReport;
import uk.inspection.regression.RecordedComparison;
import uk.inspection.regression.Side;

@Command(name = "compare", description = {
        "Runs every fixture's input (or recorded decisions) through two rule sets and reports what changed:",
        "a Markdown report on standard output (or --report), a JSON one with --json. Progress goes to standard error.",
        "", "Example: java -jar inspection-ratings.jar compare --baseline .:yj-2024 --candidate ../edited:yj-2024 \\",
        "           --fixtures fixtures/yj-2024 --fail-on-change" })
class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "HOME[:framework]", description = {
            "the rules home (and framework) decisions are compared from", "Example: --baseline .:yj-2018" })
    String baseline;

    @Option(names = "--candidate", required = true, paramLabel = "HOME[:framework]", description = {
            "the rules home (and framework) decisions are compared to", "Example: --candidate ../edited:yj-2024" })
    String candidate;

    @Option(names = "--fixtures", paramLabel = "DIR",
            description = { "the fixtures whose inputs are compared", "Example: --fixtures fixtures/cross" })
    Path fixtures;

    @Option(names = "--decisions", paramLabel = "FILE.jsonl|JDBC-URL",
            description = {
                    "compare recorded decisions instead: a JSON Lines export, or the records database's JDBC URL",
                    "Example: --decisions decisions.jsonl" })
    String decisions;

    @Option(names = "--db-user", paramLabel = "USER",
            description = { "the records database's user (with a JDBC URL)", "Example: --db-user ratings" })
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
        Side baselineSide = Side.parse(baseline);
        Side candidateSide = Side.parse(candidate);
        for (Side side : List.of(baselineSide, candidateSide)) {
            if (!Files.isDirectory(side.home().resolve("rules"))) {
                throw new ParameterException(spec.commandLine(),
                        side.home() + " is not a rules home (no rules/ folder)");
            }
        }
        if (decisions == null && (fixtures == null || !Files.isDirectory(fixtures))) {
            throw new ParameterException(spec.commandLine(),
                    fixtures == null ? "give --fixtures DIR or --decisions SOURCE" : "no fixtures folder " + fixtures);
        }
        Progress progress = Progress.onStandardError(spec.commandLine().getErr());
        LoadedRuleSets baselineRules = new LoadedRuleSets(baselineSide.home(),
                id -> progress.phase("building baseline " + id));
        LoadedRuleSets candidateRules = baselineSide.home()
            .toAbsolutePath()
            .normalize()
            .equals(candidateSide.home().toAbsolutePath().normalize()) ? baselineRules
                    : new LoadedRuleSets(candidateSide.home(), id -> progress.phase("building candidate " + id));
        for (var pair : List.of(Map.entry(baselineSide, baselineRules), Map.entry(candidateSide, candidateRules))) {
            String framework = pair.getKey().framework();
            LoadedRuleSets rules = pair.getValue();
            if (framework != null && rules.didNotBuild(framework)) {
                throw new RulesDoNotBuild(List.of(rules.whyNot(framework)));
            }
            if (framework == null && !rules.buildProblems().isEmpty()) {
                throw new RulesDoNotBuild(rules.buildProblems());
            }
            if (framework != null && rules.get(framework) == null) {
                throw new ParameterException(spec.commandLine(), rules.whyNot(framework));
            }
        }

        if (decisions != null) {
            return recorded(baselineSide, baselineRules, candidateSide, candidateRules, progress);
        }
        FixtureComparison comparison = new FixtureComparison(baselineSide, baselineRules, candidateSide,
                candidateRules);
        progress.phase("comparing the fixtures under " + fixtures);
        Comparison result = comparison.over(fixtures);
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
     * on standard error.
     */
    private int recorded(Side baselineSide, LoadedRuleSets baselineRules, Side candidateSide,
            LoadedRuleSets candidateRules, Progress progress) throws Exception {
        if (baselineSide.framework() == null || candidateSide.framework() == null) {
            throw new ParameterException(spec.commandLine(),
                    "with --decisions, name the framework on each side (HOME:id)");
        }
        long started = System.nanoTime();
        RecordedComparison.Result result = new DecisionsReplay(progress).run(decisions, dbUser, dbPassword, from, to,
                baselineRules.get(baselineSide.framework()), candidateRules.get(candidateSide.framework()));
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder md = new StringBuilder(
                "# Recorded decisions re-decided\n\n| side | rulesetVersion |\n|---|---|\n");
        md.append("| baseline | `")
            .append(result.baselineVersion())
            .append("` |\n| candidate | `")
            .append(result.candidateVersion())
            .append("` |\n\n");
        md.append("| baseline → candidate | decisions |\n|---|---|\n");
        result.transitions()
            .entrySet()
            .stream()
            .sorted(java.util.Map.Entry.comparingByKey())
            .forEach(e -> md.append("| ")
                .append(e.getKey().replace("->", " → "))
                .append(" | ")
                .append(e.getValue())
                .append(" |\n"));
        md.append("\n## Changed decisions (up to 1,000 listed)\n\n");
        result.listed()
            .forEach(c -> md.append("- ")
                .append(c.decisionId())
                .append(": ")
                .append(c.baseline())
                .append(" → ")
                .append(c.candidate())
                .append(c.differences().isEmpty() ? "" : ", first at " + c.differences().get(0).result())
                .append('\n'));
        if (report != null) {
            Files.writeString(report, md.toString());
        }
        else {
            out.print(md);
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        }
        out.printf("%d compared, %d changed (%.0f decisions/s)%n", result.total(), result.changed(),
                result.total() / Math.max(seconds, 1e-9));
        out.flush();
        return failOnChange && result.changed() > 0 ? ExitCodes.FOUND : ExitCodes.OK;
    }

}
