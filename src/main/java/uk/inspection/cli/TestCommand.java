package uk.inspection.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import uk.inspection.regression.Fixture;
import uk.inspection.regression.FixtureRun;
import uk.inspection.regression.LoadedRuleSets;

@Command(name = "test", description = "Runs every fixture against its expected decision; exit 1 when any fails.")
class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--home", description = "the rules home (holding rules/ and decision-tables/); default: .")
    Path home = Path.of(".");

    @Option(names = "--fixtures", description = "the fixtures folder; default: fixtures")
    Path fixtures = Path.of("fixtures");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FixtureRun.Result result = FixtureRun.run(new LoadedRuleSets(home), Fixture.under(fixtures));
        result.failures()
            .forEach(failure -> out
                .println("FAILED " + failure.fixture() + ": " + String.join("; ", failure.differences())));
        out.println(result.passed() + " passed, " + result.failed() + " failed");
        out.flush();
        return result.failed() == 0 ? 0 : 1;
    }

}
