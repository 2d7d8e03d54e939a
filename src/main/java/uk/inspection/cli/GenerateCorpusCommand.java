package uk.inspection.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import uk.inspection.regression.CorpusGenerator;
import uk.inspection.regression.LoadedRuleSets;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetFiles;

@Command(name = "generate-corpus", description = {
        "Writes rating requests for a framework, one JSON request a line, for compare --corpus.",
        "The inputs are spread over the whole input space the manifest allows (band edges included), the same for "
                + "the same seed. Each is decided once to check the rules accept it (and to give a panel choice "
                + "among the ratings they permit).",
        "", "Example: java -jar inspection-ratings.jar generate-corpus --framework yj-2024 --count 100000 \\",
        "           --seed 1 --output target/corpus.jsonl" })
class GenerateCorpusCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR",
            description = { "the rules home whose manifest the requests follow; default: the working directory",
                    "Example: --home ../rules-candidate" })
    Path home = Path.of(".");

    @Option(names = "--framework", paramLabel = "ID", required = true,
            description = { "the ratings framework the requests are for", "Example: --framework yj-2024" })
    String framework;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100000",
            description = { "how many requests; default 100000", "Example: --count 1000" })
    long count;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = { "the same seed gives the same requests; default 1", "Example: --seed 42" })
    long seed;

    @Option(names = "--output", paramLabel = "FILE.jsonl",
            description = { "write the corpus here (default: standard output)", "Example: --output corpus.jsonl" })
    Path output;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(home.resolve("rules"))) {
            throw new ParameterException(spec.commandLine(), home + " is not a rules home (no rules/ folder)");
        }
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, not " + count);
        }
        if (!RuleSetFiles.frameworks(home).contains(framework)) {
            throw new ParameterException(spec.commandLine(), "no framework " + framework + " under " + home
                    + " (frameworks: " + String.join(", ", RuleSetFiles.frameworks(home)) + ")");
        }
        Progress progress = Progress.onStandardError(spec.commandLine().getErr());
        LoadedRuleSets rules = new LoadedRuleSets(home, List.of(framework), id -> progress.phase("building " + id));
        if (rules.didNotBuild(framework)) {
            throw new RulesDoNotBuild(List.of(rules.whyNot(framework)));
        }
        RuleSet ruleSet = rules.get(framework);
        if (!ruleSet.manifest().isRatings()) {
            throw new ParameterException(spec.commandLine(),
                    framework + " is not a ratings framework: generate-corpus writes rating requests");
        }
        CorpusGenerator generator = new CorpusGenerator(ruleSet, seed);
        progress.phase("generating " + count + " requests for " + framework);
        List<String> refused = new ArrayList<>();
        long refusals;
        if (output == null) {
            // Standard output is the command line's to close, not this command's.
            refusals = write(generator, spec.commandLine().getOut(), progress, refused);
        }
        else {
            try (Writer out = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
                refusals = write(generator, out, progress, refused);
            }
        }
        progress.done();
        PrintWriter err = spec.commandLine().getErr();
        refused.forEach(line -> err.println("refused by the rules, " + line));
        err.println(count + " requests written" + (output == null ? "" : " to " + output) + ", " + refusals
                + " refused by the rules");
        err.flush();
        return refusals > 0 ? ExitCodes.FOUND : ExitCodes.OK;
    }

    /**
     * Writes the corpus, returning how many requests the rules refused (the first ten in
     * {@code refused}).
     */
    private long write(CorpusGenerator generator, Writer out, Progress progress, List<String> refused)
            throws java.io.IOException {
        long refusals = 0;
        for (long i = 0; i < count; i++) {
            CorpusGenerator.Generated generated = generator.request(i);
            if (generated.answer().status() != 200) {
                // The manifest allowed what the rules refuse: written anyway (compare
                // decides it like any other), and said.
                refusals++;
                if (refused.size() < 10) {
                    refused.add("line " + (i + 1) + ": " + generated.answer().status() + " "
                            + generated.answer().body().path("detail").asText());
                }
            }
            out.write(JSON.writeValueAsString(generated.request()));
            out.write('\n');
            progress.step("generated", i + 1, count);
        }
        out.flush();
        return refusals;
    }

}
