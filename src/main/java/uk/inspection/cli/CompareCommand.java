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
import uk.inspection.regression.Side;

@Command(name = "compare", description = "Runs every fixture's input through two rule sets and reports what changed.")
class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "HOME[:framework]")
    String baseline;

    @Option(names = "--candidate", required = true, paramLabel = "HOME[:framework]")
    String candidate;

    @Option(names = "--fixtures", required = true, paramLabel = "DIR")
    Path fixtures;

    @Option(names = "--report", paramLabel = "FILE.md",
            description = "write the Markdown report here (default: print it)")
    Path report;

    @Option(names = "--json", paramLabel = "FILE.json", description = "write the JSON report here")
    Path json;

    @Option(names = "--fail-on-change", description = "exit 1 when any decision changed")
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
        if (!Files.isDirectory(fixtures)) {
            throw new ParameterException(spec.commandLine(), "no fixtures folder " + fixtures);
        }
        LoadedRuleSets baselineRules = new LoadedRuleSets(baselineSide.home());
        LoadedRuleSets candidateRules = baselineSide.home()
            .toAbsolutePath()
            .normalize()
            .equals(candidateSide.home().toAbsolutePath().normalize()) ? baselineRules
                    : new LoadedRuleSets(candidateSide.home());
        for (var pair : List.of(Map.entry(baselineSide, baselineRules), Map.entry(candidateSide, candidateRules))) {
            if (pair.getKey().framework() != null && pair.getValue().get(pair.getKey().framework()) == null) {
                throw new ParameterException(spec.commandLine(), pair.getValue().whyNot(pair.getKey().framework()));
            }
        }

        FixtureComparison comparison = new FixtureComparison(baselineSide, baselineRules, candidateSide,
                candidateRules);
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
        return failOnChange && result.changed() > 0 ? 1 : 0;
    }

}
