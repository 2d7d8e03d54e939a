package uk.inspection.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import uk.inspection.regression.Fixture;
import uk.inspection.regression.FixtureRun;
import uk.inspection.regression.LoadedRuleSets;
import uk.inspection.ruleset.RuleSetFiles;

@Command(name = "test",
        description = { "Runs every fixture against its expected decision.",
                "Prints a line per failing fixture, then \"N passed, N failed\". Progress goes to standard error.", "",
                "Example: java -jar inspection-ratings.jar test --junit target/fixtures.xml" })
class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR",
            description = { "the rules home (holding rules/ and decision-tables/); default: the working directory",
                    "Example: --home ../rules-candidate" })
    Path home = Path.of(".");

    @Option(names = "--fixtures", paramLabel = "DIR",
            description = { "the fixtures folder; default: fixtures", "Example: --fixtures fixtures/yj-2024" })
    Path fixtures = Path.of("fixtures");

    @Option(names = "--junit", paramLabel = "FILE.xml",
            description = { "also write a JUnit XML report, one test case per fixture, for a CI server to show",
                    "Example: --junit target/test-reports/TEST-fixtures.xml" })
    Path junit;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(home.resolve("rules"))) {
            throw new ParameterException(spec.commandLine(), home + " is not a rules home (no rules/ folder)");
        }
        if (!Files.isDirectory(fixtures)) {
            throw new ParameterException(spec.commandLine(), "no fixtures folder " + fixtures);
        }
        Progress progress = Progress.onStandardError(spec.commandLine().getErr());
        List<Fixture> all = Fixture.under(fixtures);
        // Only the rule sets the fixtures check are built: a CI job testing one
        // framework's
        // fixtures waits for one build, and fails only for a rule set it needs.
        List<String> needed = RuleSetFiles.frameworks(home)
            .stream()
            .filter(id -> all.stream().anyMatch(f -> f.checks().containsKey(id)))
            .toList();
        LoadedRuleSets ruleSets = new LoadedRuleSets(home, needed, id -> progress.phase("building " + id));
        List<String> problems = ruleSets.buildProblems();
        if (!problems.isEmpty()) {
            throw new RulesDoNotBuild(problems);
        }
        progress.phase("running " + all.size() + " fixtures");
        JUnitReport report = new JUnitReport();
        FixtureRun.Result result = FixtureRun.run(ruleSets, all, (fixture, differences, took, done, total) -> {
            report.add(fixture.name(), took, differences);
            progress.step("fixtures", done, total);
        });
        progress.done();
        if (junit != null) {
            report.write(junit);
        }
        PrintWriter out = spec.commandLine().getOut();
        result.failures()
            .forEach(failure -> out
                .println("FAILED " + failure.fixture() + ": " + String.join("; ", failure.differences())));
        out.println(result.passed() + " passed, " + result.failed() + " failed");
        out.flush();
        return result.failed() == 0 ? ExitCodes.OK : ExitCodes.FOUND;
    }

}
