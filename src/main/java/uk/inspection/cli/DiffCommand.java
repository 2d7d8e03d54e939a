package uk.inspection.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import uk.inspection.diff.RuleDiff;
import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.store.GitRuleStore;
import uk.inspection.store.StoreRules;

@Command(name = "diff",
        description = { "Prints how two versions of the rules differ, in the methodology's words.",
                "Decision tables per row and cell, DRL as a unified diff, the manifest and fixtures by key. "
                        + "Each side is a rules home folder, a commit of the rule store, or a published rulesetVersion "
                        + "(sha256:...). Exit 0 when nothing differs, 1 when something does, 2 on bad arguments.",
                "", "Example: java -jar inspection-ratings.jar diff . ../edited --framework yj-2024" })
class DiffCommand implements Callable<Integer> {

    private static final List<String> TOPS = List.of("rules", "decision-tables", "fixtures");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD",
            description = { "a rules home, a store commit, or sha256:... (with --framework)", "Example: ." })
    String older;

    @Parameters(index = "1", paramLabel = "NEW",
            description = { "a rules home, a store commit, or sha256:... (with --framework)", "Example: ../edited" })
    String newer;

    @Option(names = "--store", paramLabel = "DIR", description = {
            "the rule store's repository; default: data/rules.git", "Example: --store /srv/rules/data/rules.git" })
    Path store = Path.of("data/rules.git");

    @Option(names = "--framework", paramLabel = "ID", description = {
            "compare only this framework's files (needed for a rulesetVersion)", "Example: --framework yj-2024" })
    String framework;

    @Override
    public Integer call() throws Exception {
        Map<String, byte[]> before = files(older);
        Map<String, byte[]> after = files(newer);
        List<String> lines = RuleDiff.lines(new RuleDiff().between(before, after));
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        out.flush();
        return lines.isEmpty() ? ExitCodes.OK : ExitCodes.FOUND;
    }

    private Map<String, byte[]> files(String side) throws IOException {
        Path folder = Path.of(side);
        if (TOPS.stream().anyMatch(top -> Files.isDirectory(folder.resolve(top)))) {
            return folder(folder);
        }
        try (GitRuleStore repository = GitRuleStore.openExisting(store)) {
            String commit = side.startsWith("sha256:") ? version(repository, side) : side;
            return repository.filesAt(commit == null ? "" : commit, folders())
                .orElseThrow(() -> new ParameterException(spec.commandLine(),
                        side + " is neither a rules home, a commit of " + store + ", nor a published rulesetVersion"));
        }
    }

    private String version(GitRuleStore repository, String version) {
        if (framework == null) {
            throw new ParameterException(spec.commandLine(),
                    "a rulesetVersion belongs to one framework: give --framework");
        }
        return new StoreRules(repository).published(framework)
            .orElse(List.of())
            .stream()
            .filter(v -> v.rulesetVersion().equals(version))
            .map(PublishedVersion::commit)
            .findFirst()
            .orElse(null);
    }

    private List<String> folders() {
        return framework == null ? TOPS : TOPS.stream().map(top -> top + "/" + framework).toList();
    }

    private Map<String, byte[]> folder(Path home) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String top : folders()) {
            Path root = home.resolve(top);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (!name.startsWith(".") && !name.startsWith("~$")) {
                        files.put(home.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
        }
        return files;
    }

}
