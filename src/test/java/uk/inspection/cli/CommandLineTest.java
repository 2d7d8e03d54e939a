package uk.inspection.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.support.RulesHomeCopy;

/**
 * The jar's commands, run in-process exactly as {@code java -jar ... test|compare} runs
 * them.
 */
class CommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CommandLineInterface.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void testPassesEveryShippedFixtureAndSaysHowMany() throws Exception {
        long files;
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).count();
        }

        Run run = run("test");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.lines()).last().isEqualTo(files + " passed, 0 failed");
    }

    @Test
    void testNamesAFixtureThatDisagreesAndExitsOne(@TempDir Path temp) throws Exception {
        ObjectNode fixture = (ObjectNode) JSON
            .readTree(Path.of("fixtures/yj-2024/band-edge-64-65-counts-65-of-100-good.json").toFile());
        ((ObjectNode) fixture.at("/expected/body/keyQuestions/2.1.1")).put("rating", "OUTSTANDING");
        Files.createDirectories(temp.resolve("yj-2024"));
        JSON.writeValue(temp.resolve("yj-2024/wrong.json").toFile(), fixture);

        Run run = run("test", "--fixtures", temp.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED yj-2024/wrong.json", "$.keyQuestions.2.1.1.rating");
        assertThat(run.lines()).last().isEqualTo("0 passed, 1 failed");
    }

    @Test
    void compareShowsWhatAnEditedBandingTableChanges(@TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp.resolve("candidate"));
        copy.setTableCell("decision-tables/yj-2024/bandings.drl.xlsx", "Band: Too few", "Share below (%)", 70);
        copy.setTableCell("decision-tables/yj-2024/bandings.drl.xlsx", "Band: Reasonable majority", "Share from (%)",
                70);
        Path json = temp.resolve("report.json");
        Path markdown = temp.resolve("report.md");

        Run gate = run("compare", "--baseline", ".:yj-2024", "--candidate", copy.home() + ":yj-2024", "--fixtures",
                "fixtures/yj-2024", "--json", json.toString(), "--report", markdown.toString(), "--fail-on-change");

        assertThat(gate.exit()).as(gate.out() + gate.err()).isEqualTo(1);
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.at("/baseline/rulesetVersion").asText()).startsWith("sha256:")
            .isNotEqualTo(report.at("/candidate/rulesetVersion").asText());
        assertThat(report.at("/changed").asInt()).isPositive().isLessThan(report.at("/total").asInt());
        JsonNode edge = decision(report, "band-edge-64-65-counts-65-of-100-good.json");
        JsonNode first = edge.at("/differences/0");
        assertThat(first.at("/result").asText()).isEqualTo("keyQuestions.2.1.1");
        assertThat(first.at("/baseline/rating").asText()).isEqualTo("GOOD");
        assertThat(first.at("/baseline/rule").asText()).isEqualTo("Band: Reasonable majority");
        assertThat(first.at("/candidate/rating").asText()).isEqualTo("REQUIRES_IMPROVEMENT");
        assertThat(first.at("/candidate/rule").asText()).isEqualTo("Band: Too few");
        assertThat(first.at("/candidate/source").asText()).isEqualTo("decision-tables/yj-2024/bandings.drl.xlsx");
        assertThat(decision(report, "band-edge-79-80-counts-80-of-100-outstanding.json").at("/changed").asBoolean())
            .as("80%% is Outstanding under both tables")
            .isFalse();
        int transitions = 0;
        for (JsonNode count : report.get("transitions")) {
            transitions += count.asInt();
        }
        assertThat(transitions).isEqualTo(report.at("/total").asInt());
        assertThat(Files.readString(markdown)).contains(
                "## Overall ratings: baseline (rows) against candidate (columns)",
                "band-edge-64-65-counts-65-of-100-good.json");

        assertThat(run("compare", "--baseline", ".:yj-2024", "--candidate", copy.home() + ":yj-2024", "--fixtures",
                "fixtures/yj-2024", "--json", json.toString())
            .exit()).isZero();
    }

    @Test
    void compare2018Against2024ShowsEachServiceWithTheRangeOverVictimsRatings(@TempDir Path temp) throws Exception {
        Path json = temp.resolve("cross.json");

        Run run = run("compare", "--baseline", ".:yj-2018", "--candidate", ".:yj-2024", "--fixtures", "fixtures/cross",
                "--json", json.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(json.toFile());
        // Worked by hand with the fixtures: 2018 overall, and the 2024 overall for V1 =
        // I, RI, G, O.
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("service-a", List.of("GOOD", "GOOD", "GOOD", "GOOD", "GOOD")),
                Map.entry("service-b",
                        List.of("GOOD", "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT",
                                "REQUIRES_IMPROVEMENT")),
                Map.entry("service-c",
                        List.of("GOOD", "INADEQUATE", "INADEQUATE", "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT")),
                Map.entry("service-d", List.of("GOOD", "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT", "GOOD", "GOOD")),
                Map.entry("service-e", List.of("GOOD", "GOOD", "GOOD", "OUTSTANDING", "OUTSTANDING")),
                Map.entry("service-f",
                        List.of("INADEQUATE", "INADEQUATE", "INADEQUATE", "INADEQUATE", "REQUIRES_IMPROVEMENT")),
                Map.entry("service-g", List.of("OUTSTANDING", "GOOD", "GOOD", "OUTSTANDING", "OUTSTANDING")),
                Map.entry("service-h", List.of("OUTSTANDING", "GOOD", "GOOD", "GOOD", "OUTSTANDING")),
                Map.entry("service-i", List.of("REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT", "GOOD", "GOOD", "GOOD")),
                Map.entry("service-j",
                        List.of("REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT",
                                "REQUIRES_IMPROVEMENT", "GOOD")),
                Map.entry("service-k",
                        List.of("GOOD", "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT",
                                "GOOD")),
                Map.entry("service-l",
                        List.of("REQUIRES_IMPROVEMENT", "INADEQUATE", "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT",
                                "REQUIRES_IMPROVEMENT")),
                Map.entry("service-m", List.of("GOOD", "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT", "GOOD", "GOOD")),
                Map.entry("service-n", List.of("REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT",
                        "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT")));
        assertThat(report.at("/total").asInt()).isEqualTo(expected.size());
        for (JsonNode decision : report.get("decisions")) {
            List<String> want = expected.get(decision.at("/fixture").asText().substring(0, 9));
            assertThat(decision.at("/baseline/overall").asText()).as(decision.at("/fixture").asText())
                .isEqualTo(want.get(0));
            JsonNode byRating = decision.at("/candidateRange/overallByRating");
            assertThat(List.of(byRating.path("INADEQUATE").asText(), byRating.path("REQUIRES_IMPROVEMENT").asText(),
                    byRating.path("GOOD").asText(), byRating.path("OUTSTANDING").asText()))
                .as(decision.at("/fixture").asText())
                .isEqualTo(want.subList(1, 5));
        }
        assertThat(run.out())
            .contains("| service-c-outstanding-leadership-inadequate-casework-good-then-inadequate.json | GOOD (19) |");
    }

    @Test
    void compareRerates2018CasesUnder2024ByTheTranslationTableWhenNo2024InputIsGiven(@TempDir Path temp)
            throws Exception {
        ObjectNode fixture = (ObjectNode) JSON
            .readTree(Path.of("fixtures/cross/service-a-good-under-both.json").toFile());
        ((ObjectNode) fixture.get("inputs")).remove("yj-2024");
        ((ObjectNode) fixture.get("expected")).remove("yj-2024");
        JSON.writeValue(temp.resolve("service-a-2018-only.json").toFile(), fixture);
        Path json = temp.resolve("report.json");

        Run run = run("compare", "--baseline", ".:yj-2018", "--candidate", ".:yj-2024", "--fixtures", temp.toString(),
                "--json", json.toString());

        JsonNode decision = JSON.readTree(json.toFile()).at("/decisions/0");
        assertThat(run.exit()).isZero();
        // The candidate's overall is the range over the victims' ratings: Good under
        // each.
        assertThat(decision.at("/candidate/overall").asText()).isEqualTo("GOOD");
        assertThat(decision.at("/candidateRange/lowest").asText()).isEqualTo("GOOD");
        assertThat(decision.at("/candidateRange/highest").asText()).isEqualTo("GOOD");
        assertThat(decision.at("/changed").asBoolean()).as("Good in 2018, Good whatever V1 in 2024").isFalse();
    }

    @Test
    void compare2018Against2021RatesEveryServiceShowingTheRangeOver34(@TempDir Path temp) throws Exception {
        Path json = temp.resolve("2018-2021.json");

        Run run = run("compare", "--baseline", ".:yj-2018", "--candidate", ".:yj-2021", "--fixtures", "fixtures/cross",
                "--json", json.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(json.toFile());
        // Worked by hand from each fixture's 2018 working: the 2021 total is the 2018
        // total
        // less 2018's 3.4 score plus the 2021 3.4 score (every other standard is the
        // same:
        // the same cases, domain one carried). The 2018 overall, then 2021 with 3.4 = I,
        // RI,
        // G, O.
        Map<String, List<String>> expected = Map.ofEntries(Map.entry("service-a", List.of("G", "G", "G", "G", "G")),
                Map.entry("service-b", List.of("G", "G", "G", "G", "G")),
                Map.entry("service-c", List.of("G", "RI", "G", "G", "G")),
                Map.entry("service-d", List.of("G", "G", "G", "G", "G")),
                Map.entry("service-e", List.of("G", "G", "O", "O", "O")),
                Map.entry("service-f", List.of("I", "I", "I", "RI", "RI")),
                Map.entry("service-g", List.of("O", "G", "O", "O", "O")),
                Map.entry("service-h", List.of("O", "G", "G", "O", "O")),
                Map.entry("service-i", List.of("RI", "RI", "RI", "RI", "G")),
                Map.entry("service-j", List.of("RI", "RI", "G", "G", "G")),
                Map.entry("service-k", List.of("G", "G", "G", "G", "G")),
                Map.entry("service-l", List.of("RI", "RI", "RI", "RI", "RI")),
                Map.entry("service-m", List.of("G", "RI", "G", "G", "G")),
                Map.entry("service-n", List.of("RI", "RI", "RI", "RI", "RI")));
        assertThat(report.at("/total").asInt()).isEqualTo(expected.size());
        assertThat(report.has("skipped")).isFalse();
        for (JsonNode decision : report.get("decisions")) {
            String fixture = decision.at("/fixture").asText();
            List<String> want = expected.get(fixture.substring(0, 9)).stream().map(CommandLineTest::rating).toList();
            assertThat(decision.at("/baseline/overall").asText()).as(fixture).isEqualTo(want.get(0));
            assertThat(decision.at("/candidateRange/standard").asText()).as(fixture).isEqualTo("3.4");
            JsonNode byRating = decision.at("/candidateRange/overallByRating");
            assertThat(List.of(byRating.path("INADEQUATE").asText(), byRating.path("REQUIRES_IMPROVEMENT").asText(),
                    byRating.path("GOOD").asText(), byRating.path("OUTSTANDING").asText()))
                .as(fixture)
                .isEqualTo(want.subList(1, 5));
            // Domain one and the case standards are declared the same in both: compared,
            // and
            // equal.
            assertThat(decision.at("/differences").findValuesAsText("result")).as(fixture)
                .allMatch(result -> result.equals("overall"));
            assertThat(decision.at("/changed").asBoolean()).as(fixture)
                .isEqualTo(!want.subList(1, 5).stream().allMatch(want.get(0)::equals));
        }
        assertThat(run.out()).contains("| fixture | baseline | candidate | with 3.4 INADEQUATE |",
                "| service-f-inadequate-under-both.json | INADEQUATE (6) | INADEQUATE..REQUIRES_IMPROVEMENT |"
                        + " INADEQUATE | INADEQUATE | REQUIRES_IMPROVEMENT | REQUIRES_IMPROVEMENT |  |");
    }

    @Test
    void compare2021Against2024ShowsTheRangeOverVictimsRatings(@TempDir Path temp) throws Exception {
        Path json = temp.resolve("2021-2024.json");

        Run run = run("compare", "--baseline", ".:yj-2021", "--candidate", ".:yj-2024", "--fixtures",
                "fixtures/cross-2021-2024", "--json", json.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(json.toFile());
        // From the fixtures' working: the 2021 overall, then 2024 with V1 = I, RI, G, O.
        Map<String, List<String>> expected = Map.of("service-b", List.of("G", "RI", "RI", "RI", "RI"), "service-f",
                List.of("I", "I", "I", "I", "RI"), "service-g", List.of("O", "G", "G", "O", "O"));
        assertThat(report.at("/total").asInt()).isEqualTo(expected.size());
        for (JsonNode decision : report.get("decisions")) {
            String fixture = decision.at("/fixture").asText();
            List<String> want = expected.get(fixture.substring(0, 9)).stream().map(CommandLineTest::rating).toList();
            assertThat(decision.at("/baseline/overall").asText()).as(fixture).isEqualTo(want.get(0));
            assertThat(decision.at("/candidateRange/standard").asText()).as(fixture).isEqualTo("V1");
            JsonNode byRating = decision.at("/candidateRange/overallByRating");
            assertThat(List.of(byRating.path("INADEQUATE").asText(), byRating.path("REQUIRES_IMPROVEMENT").asText(),
                    byRating.path("GOOD").asText(), byRating.path("OUTSTANDING").asText()))
                .as(fixture)
                .isEqualTo(want.subList(1, 5));
        }
    }

    @Test
    void compareAcrossFrameworksReportsEachStandardDeclaredTheSameThatDiffers(@TempDir Path temp) throws Exception {
        // Service C, re-judged in 2021 with 1.1 Good where 2018 had Outstanding.
        ObjectNode fixture = (ObjectNode) JSON.readTree(Path
            .of("fixtures/cross-2018-2021/service-c-good-then-requires-improvement-with-out-of-court-policy-inadequate.json")
            .toFile());
        ((ObjectNode) fixture.at("/inputs/yj-2021/ratings")).put("1.1", "GOOD");
        JSON.writeValue(temp.resolve("service-c-rejudged.json").toFile(), fixture);
        Path json = temp.resolve("report.json");

        Run run = run("compare", "--baseline", ".:yj-2018", "--candidate", ".:yj-2021", "--fixtures", temp.toString(),
                "--json", json.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode decision = JSON.readTree(json.toFile()).at("/decisions/0");
        // 2021: 18 from the fixture, less one for 1.1 = 17, Requires improvement. 3.4
        // changed
        // too (Requires improvement to Inadequate) but has no counterpart, so it is not
        // compared; nor is 4.1.
        assertThat(decision.at("/differences").findValuesAsText("result")).containsExactly("standards.1.1", "overall");
        assertThat(decision.at("/differences/0/baseline/rating").asText()).isEqualTo("OUTSTANDING");
        assertThat(decision.at("/differences/0/candidate/rating").asText()).isEqualTo("GOOD");
        assertThat(decision.at("/differences/0/candidate/source").asText())
            .isEqualTo("rules/yj-2021/judged-standards.drl");
        assertThat(decision.at("/candidate/overall").asText()).isEqualTo("REQUIRES_IMPROVEMENT");
        assertThat(decision.at("/candidate/score").asInt()).isEqualTo(17);
        assertThat(run.out()).contains("| 1.1 OUTSTANDING → GOOD |");
    }

    @Test
    void compareWithNothingComparableSaysSoWithEachReasonAndExitsZero() {
        Run run = run("compare", "--baseline", ".:yj-2018", "--candidate", ".:yj-2024", "--fixtures",
                "fixtures/yj-2024-handoffs");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Nothing comparable")
            .contains("- timeline-iyjwcv-england-plain.json: no input for yj-2018");
        assertThat(run.lines()).last().asString().startsWith("nothing comparable (");
    }

    @Test
    void diffPrintsATableChangeByRowAndCellAndExitsOne(@TempDir Path temp) throws Exception {
        RulesHomeCopy.of(temp);
        copyTree(Path.of("fixtures"), temp.resolve("fixtures"));
        copyTree(Path.of("examples/good-from-70"), temp);

        Run run = run("diff", ".", temp.toString(), "--framework", "yj-2024");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.lines()).contains(
                "decision-tables/yj-2024/bandings.drl.xlsx, Bandings, row 15 \"Band: Reasonable majority\": Share from (%) 65 → 70")
            .anyMatch(line -> line.startsWith(
                    "fixtures/yj-2024/band-edge-64-65-percentage-65-good.json, expected.body.keyQuestions.2.1.1.rating: GOOD"));
        assertThat(run("diff", ".", ".").exit()).isZero();
    }

    @Test
    void gitDiffShowsTableChangesAsTextThroughTheTextconvDriver(@TempDir Path repository) throws Exception {
        String textconv = Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
                + System.getProperty("java.class.path") + " "
                + uk.inspection.InspectionRatingsApplication.class.getName() + " textconv";
        git(repository, "init", "-q");
        git(repository, "config", "diff.ruletable.textconv", textconv);
        Files.copy(Path.of(".gitattributes"), repository.resolve(".gitattributes"));
        Files.createDirectories(repository.resolve("decision-tables/yj-2024"));
        Path table = repository.resolve("decision-tables/yj-2024/bandings.drl.xlsx");
        Files.copy(Path.of("decision-tables/yj-2024/bandings.drl.xlsx"), table);
        git(repository, "add", ".");
        git(repository, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "shipped");
        Files.copy(Path.of("examples/good-from-70/decision-tables/yj-2024/bandings.drl.xlsx"), table,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        String diff = git(repository, "diff");

        assertThat(diff).contains("-  row 15 \"Band: Reasonable majority\": Share from (%) = 65 | Share below (%) = 80")
            .contains("+  row 15 \"Band: Reasonable majority\": Share from (%) = 70 | Share below (%) = 80");
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.endsWith("README.md")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String git(Path directory, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(run("compare", "--baseline", "/no/such/home", "--candidate", ".", "--fixtures", "fixtures").exit())
            .isEqualTo(2);
        assertThat(run("compare", "--baseline", ".:yj-1999", "--candidate", ".", "--fixtures", "fixtures").exit())
            .isEqualTo(2);
        assertThat(run("compare", "--baseline", ".").exit()).isEqualTo(2);
    }

    private static String rating(String letters) {
        return Map.of("I", "INADEQUATE", "RI", "REQUIRES_IMPROVEMENT", "G", "GOOD", "O", "OUTSTANDING").get(letters);
    }

    private static JsonNode decision(JsonNode report, String fixture) {
        for (JsonNode decision : report.get("decisions")) {
            if (decision.at("/fixture").asText().equals(fixture)) {
                return decision;
            }
        }
        throw new AssertionError("no decision for " + fixture);
    }

}
