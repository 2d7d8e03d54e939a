package uk.inspection.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.inspection.regression.ExpectedMatcher;
import uk.inspection.regression.Fixture;
import uk.inspection.regression.InProcessApi;
import uk.inspection.regression.LoadedRuleSets;
import uk.inspection.ruleset.RuleSet;

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
        LoadedRuleSets ruleSets = new LoadedRuleSets(home);
        InProcessApi api = new InProcessApi();
        int passed = 0;
        int failed = 0;
        for (Fixture fixture : Fixture.under(fixtures)) {
            List<String> failures = new ArrayList<>();
            for (Fixture.Check check : fixture.checks().values()) {
                failures.addAll(run(ruleSets, api, check));
            }
            if (failures.isEmpty()) {
                passed++;
            }
            else {
                failed++;
                out.println("FAILED " + fixture.name() + ": " + String.join("; ", failures));
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static List<String> run(LoadedRuleSets ruleSets, InProcessApi api, Fixture.Check check) {
        RuleSet ruleSet = ruleSets.get(check.framework());
        if (ruleSet == null) {
            return List.of(ruleSets.whyNot(check.framework()));
        }
        InProcessApi.Answer decision = api.answer(ruleSet, check.endpoint(), check.request());
        List<String> failures = new ArrayList<>();
        if (decision.status() != check.expectedStatus()) {
            failures.add(check.framework() + ": status " + decision.status() + ", expected " + check.expectedStatus()
                    + " (" + decision.body().path("detail").asText("") + ")");
        }
        ExpectedMatcher.differences(check.expectedBody(), decision.body())
            .forEach(d -> failures.add(check.framework() + ": " + d));
        return failures;
    }

}
