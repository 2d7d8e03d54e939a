package uk.inspection.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.inspection.cli.CommandLineTest.Run;
import uk.inspection.ruleset.RuleSetFiles;
import uk.inspection.support.RulesHomeCopy;

/**
 * {@code validate} over the shipped rules, and over deliberately broken copies kept
 * beside the messages they must produce.
 */
class ValidateCommandTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken");

    @Test
    void shippedRuleSetsAndFixturesValidateClean() {
        Run run = CommandLineTest.run("validate");

        assertThat(run.exit()).as(run.out()).isZero();
        // Counted from the folders, so adding a framework folder does not break this.
        assertThat(run.lines())
            .containsExactly("no problems in " + RuleSetFiles.frameworks(Path.of(".")).size() + " rule sets");
    }

    static Stream<String> brokenCopies() throws Exception {
        try (Stream<Path> folders = Files.list(BROKEN)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void brokenCopyIsReportedWhereItIsBroken(String name, @TempDir Path temp) throws Exception {
        Path overlay = BROKEN.resolve(name);
        List<Path> broken;
        try (Stream<Path> files = Files.walk(overlay)) {
            broken = files.filter(Files::isRegularFile).filter(f -> !f.endsWith("expected.txt")).toList();
        }
        // A copy of only the frameworks the overlay breaks (rules/<framework>/...): the
        // others would be built on every case to report nothing.
        RulesHomeCopy copy = RulesHomeCopy.of(temp,
                broken.stream()
                    .map(file -> overlay.relativize(file).getName(1).toString())
                    .distinct()
                    .toArray(String[]::new));
        for (Path file : broken) {
            Path target = copy.file(overlay.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> expected = Files.readAllLines(overlay.resolve("expected.txt"));

        Run run = CommandLineTest.run("validate", "--home", temp.toString(), "--fixtures",
                temp.resolve("none").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).containsAll(expected);
    }

    @Test
    void fixtureNamingAFrameworkThatDoesNotExistIsReported(@TempDir Path temp) throws Exception {
        Files.createDirectories(temp.resolve("old"));
        Files.writeString(temp.resolve("old/lost.json"), """
                {"framework": "yj-1999", "request": {}, "expected": {"status": 200}}""");

        Run run = CommandLineTest.run("validate", "--fixtures", temp.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines())
            .contains(temp.resolve("old/lost.json") + ": names framework yj-1999, which has no rule set under .");
    }

}
