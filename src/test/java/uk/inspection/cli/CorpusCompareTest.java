package uk.inspection.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.cli.CommandLineTest.Run;
import uk.inspection.records.DecisionFilter;
import uk.inspection.records.DecisionStore;
import uk.inspection.support.RulesHomeCopy;

/**
 * {@code generate-corpus} and {@code compare --corpus}, run in-process as
 * {@code java -jar} runs them, over the shipped yj-2024 rules and a copy of them.
 */
class CorpusCompareTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int COUNT = 400;

    @TempDir
    static Path temp;

    private static Path corpus;

    private static Run generated;

    @BeforeAll
    static void generate() {
        corpus = temp.resolve("corpus.jsonl");
        generated = CommandLineTest.run("generate-corpus", "--framework", "yj-2024", "--count", "" + COUNT, "--seed",
                "7", "--output", corpus.toString());
    }

    @Test
    void generateCorpusWritesOneRequestALineTheSameForTheSameSeed() throws Exception {
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(Files.readAllLines(corpus)).hasSize(COUNT).allMatch(line -> line.startsWith("{\"service\":"));
        assertThat(generated.err()).contains("generated 10%\n", "generated 100%\n",
                COUNT + " requests written to " + corpus + ", 0 refused by the rules");

        Run again = CommandLineTest.run("generate-corpus", "--framework", "yj-2024", "--count", "50", "--seed", "7");

        assertThat(again.exit()).isZero();
        assertThat(again.lines()).isEqualTo(Files.readAllLines(corpus).subList(0, 50));
    }

    @Test
    void theSameRulesOnBothSidesChangeNothingAndProgressIsALinePerTenth() throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp.resolve("unchanged"));
        Path json = temp.resolve("same.json");

        Run run = CommandLineTest.run("compare", "--baseline", ".:yj-2024", "--candidate", copy.home() + ":yj-2024",
                "--corpus", corpus.toString(), "--json", json.toString(), "--fail-on-change");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.get("total").asLong()).isEqualTo(COUNT);
        assertThat(report.get("changed").asLong()).isZero();
        assertThat(report.get("listed")).isEmpty();
        assertThat(report.get("candidateVersion")).isEqualTo(report.get("baselineVersion"));
        long sum = 0;
        List<String> keys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = report.get("transitions").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> transition = it.next();
            keys.add(transition.getKey());
            String[] sides = transition.getKey().split("->");
            assertThat(sides[1]).isEqualTo(sides[0]);
            sum += transition.getValue().asLong();
        }
        assertThat(sum).isEqualTo(COUNT);
        // In order, so that two reports of the same comparison are the same file.
        assertThat(keys).hasSizeGreaterThan(1).isSorted();
        assertThat(run.lines()).last().asString().startsWith(COUNT + " compared, 0 changed (");
        // Not a terminal: a line per tenth of the requests decided, on standard error.
        List<String> progress = run.err().lines().filter(line -> line.startsWith("compared ")).toList();
        assertThat(progress).containsExactly("compared 0%", "compared 10%", "compared 20%", "compared 30%",
                "compared 40%", "compared 50%", "compared 60%", "compared 70%", "compared 80%", "compared 90%",
                "compared 100%");
        assertThat(run.err()).contains("comparing " + COUNT + " requests of " + corpus);
        assertThat(run.out()).doesNotContain("compared 10%");
    }

    /**
     * The candidate's victims' matrix permits Good or Outstanding, not Good or Requires
     * improvement, when V1.1 is Good (a share from 65% to under 80%) and V1.2 is no.
     * Worked out from each request: awaiting the panel, V1 is offered the new pair; the
     * panel's Good stands; the panel's Requires improvement is no longer permitted (422).
     * Nothing else changes.
     */
    @Test
    void anEditedVictimsMatrixCellChangesExactlyTheRequestsItsRowDecides() throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp.resolve("edited"));
        copy.setTableCell("decision-tables/yj-2024/victims-matrix.drl.xlsx", "Victims matrix: V1.1 Good, V1.2 no",
                "Permitted ratings for V1", "GOOD, OUTSTANDING");
        Path json = temp.resolve("edited.json");
        Map<Long, String> expected = new LinkedHashMap<>();
        long number = 0;
        for (String line : Files.readAllLines(corpus)) {
            number++;
            JsonNode request = JSON.readTree(line);
            if (shares(request).getOrDefault("V1.1", -1.0) >= 65 && shares(request).get("V1.1") < 80
                    && !request.at("/judgements/V1.2").asBoolean()) {
                String panel = request.at("/panel/V1/rating").asText(null);
                if (panel == null) {
                    expected.put(number, "standards.V1");
                }
                else if (panel.equals("REQUIRES_IMPROVEMENT")) {
                    expected.put(number, "status");
                }
            }
        }
        assertThat(expected.values()).as("the corpus has requests of each kind the row decides")
            .contains("standards.V1", "status");

        Run run = CommandLineTest.run("compare", "--baseline", ".:yj-2024", "--candidate", copy.home() + ":yj-2024",
                "--corpus", corpus.toString(), "--json", json.toString(), "--threads", "2", "--fail-on-change");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.get("total").asLong()).isEqualTo(COUNT);
        assertThat(report.get("changed").asLong()).isEqualTo(expected.size());
        Map<Long, String> listed = new LinkedHashMap<>();
        for (JsonNode changed : report.get("listed")) {
            long line = Long.parseLong(changed.get("decisionId").asText().substring("line ".length()));
            JsonNode first = changed.at("/differences/0");
            listed.put(line, first.get("result").asText());
            if (first.get("result").asText().equals("status")) {
                assertThat(changed.get("candidate").asText()).isEqualTo("HTTP_422");
            }
            else {
                assertThat(changed.get("baseline").asText()).isEqualTo("PENDING_PANEL");
                assertThat(first.at("/baseline/options").toString()).isEqualTo("[\"REQUIRES_IMPROVEMENT\",\"GOOD\"]");
                assertThat(first.at("/candidate/options").toString()).isEqualTo("[\"GOOD\",\"OUTSTANDING\"]");
            }
        }
        // Every change listed (fewer than 1,000), in the corpus's order whatever the
        // threads' order.
        assertThat(listed).containsExactlyEntriesOf(expected);
        assertThat(report.get("baselineVersion")).isNotEqualTo(report.get("candidateVersion"));
        assertThat(run.out()).contains("# Corpus decided under both rule sets",
                COUNT + " decisions compared, " + expected.size() + " changed", " → HTTP_422 |");
    }

    @Test
    void recordedDecisionsAreReportedTheSameWayAndOtherFrameworksCounted() throws Exception {
        Path export = temp.resolve("decisions.jsonl");
        StringBuilder lines = new StringBuilder();
        for (ObjectNode record : records()) {
            lines.append(JSON.writeValueAsString(record)).append('\n');
        }
        Files.writeString(export, lines);

        Run run = CommandLineTest.run("compare", "--baseline", ".:yj-2024", "--candidate", ".:yj-2024", "--decisions",
                export.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("# Recorded decisions re-decided", "3 decisions compared, 0 changed",
                "2 recorded decisions of other frameworks than yj-2024 skipped (yj-2018: 1, yjb-oversight: 1)");
        assertThat(run.err())
            .contains("2 recorded decisions of other frameworks than yj-2024 skipped (yj-2018: 1, yjb-oversight: 1)");
        assertThat(run.lines()).last().asString().startsWith("3 compared, 0 changed (");
    }

    /**
     * The records database as the service leaves it, read with the short URL the docs
     * give: the H2 settings the schema needs are added, the user is the service's
     * default.
     */
    @Test
    void theServicesH2DatabaseIsReadWithItsShortUrl() throws Exception {
        Path data = temp.resolve("data");
        String asTheServiceOpensIt = "jdbc:h2:file:" + data.resolve("decisions")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        DecisionStore.at(asTheServiceOpensIt, "sa", "").count(DecisionFilter.ALL);
        JdbcTemplate database = new JdbcTemplate(new DriverManagerDataSource(asTheServiceOpensIt, "sa", ""));
        for (ObjectNode record : records()) {
            database.update(
                    "INSERT INTO decision (id, recorded_at, kind, framework, ruleset_version, outcome,"
                            + " latency_micros, client, request, response) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    record.get("id").asText(), Timestamp.from(Instant.parse(record.get("recordedAt").asText())),
                    record.get("kind").asText(), record.get("framework").asText(), "sha256:0", "GOOD", 1, "anonymous",
                    record.get("request").toString(), "{}");
        }

        Run run = CommandLineTest.run("compare", "--baseline", ".:yj-2024", "--candidate", ".:yj-2024", "--decisions",
                "jdbc:h2:file:" + data.resolve("decisions"));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 decisions compared, 0 changed");
        assertThat(run.err()).contains("2 recorded decisions of other frameworks than yj-2024 skipped");
    }

    /**
     * A source that cannot be read is a wrong argument, said in one line with no stack
     * trace and no usage text, before any rule set is built.
     */
    @Test
    void aDecisionsSourceThatCannotBeReadIsOneLineAndExitTwo() {
        String missing = "jdbc:h2:file:" + temp.resolve("no-such-folder/decisions");
        for (String source : List.of(missing, "jdbc:nonsense://db/ratings", "no-such-export.jsonl")) {
            Run run = CommandLineTest.run("compare", "--baseline", ".:yj-2024", "--candidate", ".:yj-2024",
                    "--decisions", source);

            assertThat(run.exit()).as(source + ": " + run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().lines().toList()).as(source)
                .containsExactly(run.err().lines().findFirst().orElseThrow())
                .allMatch(line -> line.startsWith("cannot read the decisions at " + source + ": "));
            assertThat(run.err()).doesNotContain("\tat ", "Exception", "building");
        }
        assertThat(Files.exists(temp.resolve("no-such-folder"))).as("no database is created").isFalse();
    }

    /**
     * Five recorded decisions: three ratings of yj-2024 (requests of the corpus), one of
     * yj-2018 and one oversight assessment.
     */
    private static List<ObjectNode> records() throws Exception {
        List<String> requests = Files.readAllLines(corpus).subList(0, 3);
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String framework = i < 3 ? "yj-2024" : i == 3 ? "yj-2018" : "yjb-oversight";
            ObjectNode record = JSON.createObjectNode()
                .put("id", "dec-" + i)
                .put("recordedAt", "2026-12-01T10:00:0" + i + "Z")
                .put("kind", framework.equals("yjb-oversight") ? "ASSESSMENT" : "RATING")
                .put("framework", framework)
                .put("rulesetVersion", "sha256:0")
                .put("outcome", "GOOD")
                .put("latencyMicros", 1)
                .put("client", "anonymous");
            record.set("request", i < 3 ? JSON.readTree(requests.get(i)) : JSON.createObjectNode());
            record.set("response", JSON.createObjectNode());
            records.add(record);
        }
        return records;
    }

    @Test
    void aLineThatIsNotJsonOrACorpusWithoutFrameworksIsBadUsage() throws Exception {
        Path bad = temp.resolve("bad.jsonl");
        Files.writeString(bad, Files.readAllLines(corpus).get(0) + "\n{\"service\": \n");

        Run unreadable = CommandLineTest.run("compare", "--baseline", ".:yj-2024", "--candidate", ".:yj-2024",
                "--corpus", bad.toString());

        assertThat(unreadable.exit()).isEqualTo(2);
        assertThat(unreadable.err()).contains(bad + " line 2 is not JSON");
        assertThat(CommandLineTest
            .run("compare", "--baseline", ".", "--candidate", ".:yj-2024", "--corpus", corpus.toString())
            .err()).contains("with --corpus, name the framework on each side");
        assertThat(CommandLineTest
            .run("compare", "--baseline", ".:yj-2024", "--candidate", ".:yj-2024", "--corpus", "no-such.jsonl")
            .exit()).isEqualTo(2);
        assertThat(CommandLineTest
            .run("compare", "--baseline", ".:yj-2024", "--candidate", ".:yj-2024", "--corpus", corpus.toString(),
                    "--fixtures", "fixtures")
            .err()).contains("give one of --fixtures DIR, --decisions SOURCE or --corpus FILE.jsonl");
        assertThat(CommandLineTest
            .run("compare", "--baseline", ".:yjb-oversight", "--candidate", ".:yjb-oversight", "--corpus",
                    corpus.toString())
            .err()).contains("yjb-oversight is not a ratings framework");
        assertThat(CommandLineTest.run("generate-corpus", "--framework", "yj-1999").err())
            .contains("no framework yj-1999");
        assertThat(CommandLineTest.run("generate-corpus", "--framework", "yj-2024", "--count", "0").exit())
            .isEqualTo(2);
    }

    /**
     * Each key question's share of cases, worked out from the request: counts, a
     * published percentage, or case-by-case answers (none for a key question without
     * cases).
     */
    private static Map<String, Double> shares(JsonNode request) {
        Map<String, Double> shares = new HashMap<>();
        request.path("keyQuestions").fields().forEachRemaining(entry -> {
            JsonNode input = entry.getValue();
            if (input.has("percentage")) {
                shares.put(entry.getKey(), input.get("percentage").asDouble());
            }
            else if (input.get("cases").asInt() > 0) {
                shares.put(entry.getKey(), 100.0 * input.get("yes").asInt() / input.get("cases").asInt());
            }
        });
        Map<String, int[]> byCase = new HashMap<>();
        for (JsonNode one : request.path("cases")) {
            one.get("answers").fields().forEachRemaining(answer -> {
                int[] yesOfCases = byCase.computeIfAbsent(answer.getKey(), k -> new int[2]);
                yesOfCases[0] += answer.getValue().asBoolean() ? 1 : 0;
                yesOfCases[1]++;
            });
        }
        byCase.forEach((code, yesOfCases) -> shares.put(code, 100.0 * yesOfCases[0] / yesOfCases[1]));
        return shares;
    }

}
