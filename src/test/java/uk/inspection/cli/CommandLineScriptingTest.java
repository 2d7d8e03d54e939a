package uk.inspection.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

import uk.inspection.cli.CommandLineTest.Run;
import uk.inspection.ruleset.RuleSetFiles;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.ServiceJvm;

/**
 * The command line as a script or a CI pipeline meets it: help and versions, exit codes,
 * progress on standard error, JUnit XML, and hashing a password.
 */
class CommandLineScriptingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> COMMANDS = List.of("test", "compare", "generate-corpus", "validate", "diff",
            "textconv", "hash-password");

    private static final String PASSING = "fixtures/yj-2024/band-edge-64-65-counts-65-of-100-good.json";

    @Test
    void everyCommandAnswersHelpWithTheExitCodes() {
        for (String command : COMMANDS) {
            Run run = CommandLineTest.run(command, "--help");

            assertThat(run.exit()).as(command + ": " + run.err()).isZero();
            assertThat(run.out()).as(command)
                .contains("Usage: inspection-ratings " + command, "Exit codes:",
                        "0   it ran and passed, or nothing changed", "1   it ran and found", "2   bad usage",
                        "3   a rule set does not build");
        }
    }

    /**
     * The list of commands shows the first line of each description: a whole sentence,
     * never one cut where the source broke its line.
     */
    @Test
    void helpListsEachCommandWithAWholeSentence() {
        Run run = CommandLineTest.run("--help");

        List<String> afterHeading = run.lines().subList(run.lines().indexOf("Commands:") + 1, run.lines().size());
        List<String> entries = new ArrayList<>();
        for (String line : afterHeading.subList(0, afterHeading.indexOf(""))) {
            if (line.startsWith("                ")) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            }
            else {
                entries.add(line.strip());
            }
        }
        assertThat(entries).hasSize(COMMANDS.size() + 1).allMatch(entry -> entry.endsWith("."));
        assertThat(entries)
            .anyMatch(entry -> entry.matches("compare +Shows which decisions two rule sets make " + "differently\\."));
        assertThat(run.out())
            .contains("(--server.port=N and other\n--name=value settings). With one, runs it and exits.");
    }

    @Test
    void everyOptionAndParameterHasADescriptionWithAnExample() {
        CommandLine root = CommandLineInterface.commandLine(null, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<String> missing = new ArrayList<>();
        for (String command : COMMANDS) {
            CommandLine sub = root.getSubcommands().get(command);
            List<ArgSpec> args = new ArrayList<>(sub.getCommandSpec().options());
            args.addAll(sub.getCommandSpec().positionalParameters());
            for (ArgSpec arg : args) {
                if (arg.isOption() && ((CommandLine.Model.OptionSpec) arg).usageHelp()
                        || arg.isOption() && ((CommandLine.Model.OptionSpec) arg).versionHelp()) {
                    continue;
                }
                String description = String.join(" ", arg.description());
                if (description.isBlank() || !description.contains("Example: ")) {
                    missing.add(command + " " + arg.paramLabel() + " " + description);
                }
            }
            assertThat(String.join(" ", sub.getCommandSpec().usageMessage().description())).as(command)
                .contains("Example: ")
                .contains("java -jar inspection-ratings.jar " + command);
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void versionNamesTheApplicationAndEachRuleSetOnEveryCommand() throws Exception {
        Matcher pom = Pattern.compile("<artifactId>inspection-ratings</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(pom.find()).isTrue();
        List<String> frameworks = RuleSetFiles.frameworks(Path.of("."));

        for (String[] args : List.of(new String[] { "-V" }, new String[] { "test", "-V" },
                new String[] { "--version" })) {
            Run run = CommandLineTest.run(args);

            assertThat(run.exit()).isZero();
            assertThat(run.lines().get(0)).isEqualTo("inspection-ratings " + pom.group(1));
            assertThat(run.lines()).hasSize(1 + frameworks.size());
            for (String framework : frameworks) {
                assertThat(run.lines()).anyMatch(line -> line.matches("  " + framework + " sha256:[0-9a-f]{64}"));
            }
        }
    }

    @Test
    void anUnknownCommandIsRefusedWithExitTwoAndTheServerDoesNotStart() throws Exception {
        assertThat(CommandLineInterface.isCommand(new String[] { "bogus" })).isTrue();
        assertThat(CommandLineInterface.isCommand(new String[] { "--server.port=0" })).isFalse();
        assertThat(CommandLineInterface.isCommand(new String[0])).isFalse();

        // The real main, as java -jar runs it: a server would keep the process alive.
        ServiceJvm.Ended ended = ServiceJvm.run(Duration.ofSeconds(120), "bogus");
        String output = ended.output();

        assertThat(ended.exit()).isEqualTo(2);
        assertThat(output).contains("Unmatched argument at index 0: 'bogus'").doesNotContain("Tomcat");
    }

    @Test
    void aCandidateThatDoesNotBuildExitsThreeWithItsProblemsAndNoUsage(@TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp);
        Path drl = copy.file("rules/yj-2024/overall.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"half a rule\"\n    when\n        (\n");

        Run compare = CommandLineTest.run("compare", "--baseline", ".:yj-2024", "--candidate", temp + ":yj-2024",
                "--fixtures", "fixtures/yj-2024");
        Run test = CommandLineTest.run("test", "--home", temp.toString(), "--fixtures", "fixtures/yj-2024");

        for (Run run : List.of(compare, test)) {
            assertThat(run.exit()).as(run.err()).isEqualTo(3);
            assertThat(run.err()).contains("rules/yj-2024/overall.drl").doesNotContain("Usage:");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void testShowsProgressOnStandardErrorAndWritesJUnitXmlACiServerAccepts(@TempDir Path temp) throws Exception {
        Path fixtures = temp.resolve("fixtures");
        Files.createDirectories(fixtures.resolve("yj-2024"));
        Files.copy(Path.of(PASSING), fixtures.resolve("yj-2024/passes.json"));
        ObjectNode wrong = (ObjectNode) JSON.readTree(Path.of(PASSING).toFile());
        ((ObjectNode) wrong.at("/expected/body/keyQuestions/2.1.1")).put("rating", "OUTSTANDING");
        JSON.writeValue(fixtures.resolve("yj-2024/fails.json").toFile(), wrong);
        Path report = temp.resolve("reports/TEST-fixtures.xml");

        Run run = CommandLineTest.run("test", "--fixtures", fixtures.toString(), "--junit", report.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).last().isEqualTo("1 passed, 1 failed");
        // Not a terminal: a line per phase, and the fixtures done by the tenth; only the
        // rule set the fixtures check is built.
        assertThat(run.err()).contains("building yj-2024\n").doesNotContain("building yj-2018");
        assertThat(run.err()).contains("running 2 fixtures\n", "fixtures 50%\n", "fixtures 100%\n");
        assertThat(run.out()).doesNotContain("building");

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(new StreamSource(Path.of("src/test/resources/junit/junit.xsd").toFile()))
            .newValidator()
            .validate(new StreamSource(report.toFile()));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            assertThat(testCase.getAttribute("classname")).isEqualTo("fixtures.yj-2024");
            boolean failed = testCase.getElementsByTagName("failure").getLength() == 1;
            assertThat(failed).as(testCase.getAttribute("name"))
                .isEqualTo(testCase.getAttribute("name").equals("yj-2024/fails.json"));
            if (failed) {
                assertThat(testCase.getElementsByTagName("failure").item(0).getTextContent())
                    .contains("$.keyQuestions.2.1.1.rating");
            }
        }
    }

    @Test
    void progressOnATerminalIsABarRedrawnInPlace() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), true);

        progress.phase("running 4 fixtures");
        for (int done = 1; done <= 4; done++) {
            progress.step("fixtures", done, 4);
        }
        progress.done();

        assertThat(err.toString()).startsWith("running 4 fixtures\n\r[")
            .contains("\r[##########                              ] 25% fixtures")
            .endsWith("\r[########################################] 100% fixtures\n");
    }

    @Test
    void hashPasswordPrintsABcryptHashTheServiceAccepts() {
        StringWriter out = new StringWriter();
        int exit = CommandLineInterface.run(new String[] { "hash-password" },
                new BufferedReader(new StringReader("s3cret horse\n")), new PrintWriter(out),
                new PrintWriter(new StringWriter()));

        String hash = out.toString().strip();
        PasswordEncoder service = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(exit).isZero();
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(service.matches("s3cret horse", hash)).isTrue();
        assertThat(service.matches("s3cret horsE", hash)).isFalse();
        assertThat(CommandLineInterface.run(new String[] { "hash-password" }, new BufferedReader(new StringReader("")),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())))
            .as("no password: bad usage")
            .isEqualTo(2);
    }

}
