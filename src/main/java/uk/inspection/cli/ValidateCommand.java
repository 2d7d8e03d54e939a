package uk.inspection.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.inspection.decision.DecisionKinds;
import uk.inspection.engine.LoadProblem;
import uk.inspection.regression.Fixture;
import uk.inspection.regression.LoadedRuleSets;
import uk.inspection.ruleset.LoadResult;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetFiles;

@Command(name = "validate",
        description = { "Compiles and analyses every rule set, with the checks run before every reload.",
                "Prints file:row: message per problem and exits 1 on any (a rule set that does not build is one "
                        + "of the problems validate is for, so it too exits 1).",
                "", "Example: java -jar inspection-ratings.jar validate --home ../edited" })
class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR",
            description = { "the rules home; default: the working directory", "Example: --home ../edited" })
    Path home = Path.of(".");

    @Option(names = "--fixtures", paramLabel = "DIR", description = {
            "fixtures whose frameworks must exist; default: HOME/fixtures if present", "Example: --fixtures fixtures" })
    Path fixtures;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LoadedRuleSets ruleSets = new LoadedRuleSets(home);
        List<LoadProblem> problems = new ArrayList<>();
        for (LoadResult.Failed failed : ruleSets.failures()) {
            problems.addAll(failed.problems());
        }
        for (RuleSet ruleSet : ruleSets.loaded()) {
            problems.addAll(DecisionKinds.installed().check(ruleSet));
        }
        problems.addAll(fixtureFrameworks());
        problems.forEach(p -> out.println(p));
        out.println(problems.isEmpty() ? "no problems in " + RuleSetFiles.frameworks(home).size() + " rule sets"
                : problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        out.flush();
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FOUND;
    }

    private List<LoadProblem> fixtureFrameworks() throws Exception {
        Path folder = fixtures != null ? fixtures : home.resolve("fixtures");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> frameworks = RuleSetFiles.frameworks(home);
        List<LoadProblem> problems = new ArrayList<>();
        for (Fixture fixture : Fixture.under(folder)) {
            for (String framework : fixture.checks().keySet()) {
                if (!frameworks.contains(framework)) {
                    problems.add(LoadProblem.inFile(folder.resolve(fixture.name()).toString(),
                            "names framework " + framework + ", which has no rule set under " + home));
                }
            }
        }
        return problems;
    }

}
