package uk.inspection.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.cli.CommandLineTest.Run;
import uk.inspection.ruleset.DataFolder;
import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.store.GitRuleStore;
import uk.inspection.store.StoreProperties;
import uk.inspection.store.StoreRules;
import uk.inspection.store.Trailers;
import uk.inspection.support.RulesHomeCopy;

/**
 * {@code compare} with sides read from a real rule store as of an instant: a store seeded
 * with the shipped yj-2024, then a version raising the majority band to 70% published to
 * take effect a month later, as an approval with {@code effectiveFrom} commits it.
 */
class CompareAsOfTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    @TempDir
    static Path temp;

    private static Path store;

    private static PublishedVersion seeded;

    private static PublishedVersion scheduled;

    @BeforeAll
    static void publishAVersionThatTakesEffectInAMonth() throws Exception {
        DataFolder data = new DataFolder(temp.resolve("data").toString());
        RulesHomeCopy edited = RulesHomeCopy.of(temp.resolve("edited"), "yj-2024");
        edited.setTableCell(BANDINGS, "Band: Too few", "Share below (%)", 70);
        edited.setTableCell(BANDINGS, "Band: Reasonable majority", "Share from (%)", 70);
        Instant from = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        try (GitRuleStore repository = GitRuleStore.open(new StoreProperties(null, null, null, null), data,
                RulesHomeCopy.of(temp.resolve("home"), "yj-2024").home())) {
            ObjectId head = repository.head(GitRuleStore.PUBLISHED);
            repository.commit(GitRuleStore.PUBLISHED, head, head, null,
                    Map.of(BANDINGS, Files.readAllBytes(edited.file(BANDINGS))), GitRuleStore.person("erin"),
                    "Good starts at 70%\n\n" + Trailers.FRAMEWORK + ": yj-2024\nApproved-by: alex\n"
                            + Trailers.EFFECTIVE_FROM + ": " + from + "\n");
            List<PublishedVersion> versions = new StoreRules(repository).published("yj-2024").orElseThrow();
            assertThat(versions).hasSize(2);
            scheduled = versions.get(0);
            seeded = versions.get(1);
        }
        store = data.resolve("rules.git");
        assertThat(scheduled.effectiveFrom()).isEqualTo(from);
    }

    @Test
    void comparesTheVersionInForceAtEachDateAndNamesEach() throws Exception {
        Instant beforeTheChange = seeded.effectiveFrom().plus(Duration.ofHours(1));
        LocalDate afterTheChange = scheduled.effectiveFrom()
            .atZone(ZoneId.of("Europe/London"))
            .toLocalDate()
            .plusDays(1);
        Path json = temp.resolve("as-of.json");

        Run run = CommandLineTest.run("compare", "--baseline", "as-of:" + beforeTheChange + ":yj-2024", "--candidate",
                "as-of:" + afterTheChange, "--fixtures", "fixtures/yj-2024", "--store", store.toString(), "--json",
                json.toString(), "--fail-on-change");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.FOUND);
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.at("/baseline/framework").asText()).isEqualTo("yj-2024");
        assertThat(report.at("/baseline/rulesetVersion").asText()).isEqualTo(seeded.rulesetVersion());
        assertThat(report.at("/baseline/effectiveFrom").asText()).isEqualTo(seeded.effectiveFrom().toString());
        assertThat(report.at("/baseline/home").asText()).endsWith("rules.git as of " + beforeTheChange);
        assertThat(report.at("/candidate/framework").asText()).as("taken from the baseline").isEqualTo("yj-2024");
        assertThat(report.at("/candidate/rulesetVersion").asText()).isEqualTo(scheduled.rulesetVersion());
        assertThat(report.at("/candidate/effectiveFrom").asText()).isEqualTo(scheduled.effectiveFrom().toString());
        assertThat(report.at("/candidate/home").asText()).contains("as of " + afterTheChange + " (");
        assertThat(report.at("/changed").asInt()).isPositive().isLessThan(report.at("/total").asInt());
        JsonNode edge = decision(report, "band-edge-64-65-counts-65-of-100-good.json");
        assertThat(edge.at("/differences/0/baseline/rating").asText()).isEqualTo("GOOD");
        assertThat(edge.at("/differences/0/candidate/rating").asText()).isEqualTo("REQUIRES_IMPROVEMENT");
        assertThat(run.out()).contains("`" + seeded.rulesetVersion() + "`, in force from " + seeded.effectiveFrom(),
                "`" + scheduled.rulesetVersion() + "`, in force from " + scheduled.effectiveFrom());
    }

    @Test
    void theVersionInForceBeforeTheChangeIsTheShippedOneBuiltAlike() {
        Instant beforeTheChange = scheduled.effectiveFrom().minusSeconds(1);

        Run run = CommandLineTest.run("compare", "--baseline", "as-of:" + beforeTheChange + ":yj-2024", "--candidate",
                ".:yj-2024", "--fixtures", "fixtures/yj-2024", "--store", store.toString(), "--fail-on-change");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("`" + seeded.rulesetVersion() + "`, in force from ")
            .containsPattern("\\d+ compared, 0 changed");
    }

    @Test
    void aCorpusComparedAsOfTwoInstantsEndsItsReportWithEachSidesVersion() throws Exception {
        Path corpus = temp.resolve("corpus.jsonl");
        // 67% is Good from 65%, and Requires improvement below 70%.
        Files.writeString(corpus,
                JSON.readTree(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json").toFile())
                    .toString() + "\n");

        Run run = CommandLineTest.run("compare", "--baseline", "as-of:" + seeded.effectiveFrom(), "--candidate",
                "as-of:" + scheduled.effectiveFrom() + ":yj-2024", "--corpus", corpus.toString(), "--store",
                store.toString(), "--threads", "1");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("1 decisions compared, 1 changed", "Read from the rule store " + store,
                "- baseline as-of:" + seeded.effectiveFrom() + ": yj-2024 " + seeded.rulesetVersion()
                        + ", in force from " + seeded.effectiveFrom(),
                "- candidate as-of:" + scheduled.effectiveFrom() + ":yj-2024: yj-2024 " + scheduled.rulesetVersion()
                        + ", in force from " + scheduled.effectiveFrom());
    }

    @Test
    void aDateBeforeAnyVersionWasInForceIsBadUsageNamingTheFirst() {
        Run run = CommandLineTest.run("compare", "--baseline", "as-of:2020-01-01", "--candidate",
                "as-of:" + scheduled.effectiveFrom() + ":yj-2024", "--fixtures", "fixtures/yj-2024", "--store",
                store.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no version of yj-2024 was in force as of 2020-01-01 (2020-01-01T00:00:00Z)")
            .contains("the first took effect at " + seeded.effectiveFrom());
    }

    @Test
    void anAsOfSideNeedsAFrameworkOnOneSideAndAStoreThatExists() {
        Run noFramework = CommandLineTest.run("compare", "--baseline", "as-of:2026-01-01", "--candidate",
                "as-of:2026-06-01", "--fixtures", "fixtures/yj-2024", "--store", store.toString());
        Run noStore = CommandLineTest.run("compare", "--baseline", "as-of:2026-01-01:yj-2024", "--candidate", ".",
                "--fixtures", "fixtures/yj-2024", "--store", temp.resolve("none.git").toString());
        Run notADate = CommandLineTest.run("compare", "--baseline", "as-of:spring:yj-2024", "--candidate", ".",
                "--fixtures", "fixtures/yj-2024", "--store", store.toString());

        assertThat(noFramework.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noFramework.err()).contains("name the framework");
        assertThat(noStore.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noStore.err()).contains("cannot read the rule store");
        assertThat(notADate.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(notADate.err()).contains("not spring");
    }

    private static JsonNode decision(JsonNode report, String fixture) {
        for (JsonNode decision : report.get("decisions")) {
            if (decision.get("fixture").asText().endsWith(fixture)) {
                return decision;
            }
        }
        throw new AssertionError("no decision for " + fixture);
    }

}
