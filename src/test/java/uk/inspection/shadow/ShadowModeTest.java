package uk.inspection.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.regression.Comparison;
import uk.inspection.regression.Fixture;
import uk.inspection.regression.FixtureComparison;
import uk.inspection.regression.LoadedRuleSets;
import uk.inspection.regression.Side;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * A draft (Good from 70%) shadowing live traffic: every yj-2024 fixture's request sent
 * live, and the shadow reports as changed exactly the decisions {@code compare} finds
 * changed over the same requests, while the live answers stay those of the published
 * rules.
 */
class ShadowModeTest {

    private static final String[] ERIN = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String[] ALEX = { "Authorization", ApiClient.basic("alex", "a") };

    @Test
    void aShadowedDraftReportsTheSameChangedDecisionsAsCompare(@TempDir Path temp) throws Exception {
        Path example = Path.of("examples/good-from-70");
        List<Fixture> fixtures = Fixture.under(Path.of("fixtures/yj-2024"));
        try (RunningService service = RunningService.onStore(temp.resolve("data"),
                RulesHomeCopy.of(temp.resolve("seed"), "yj-2024").withFixtures(), settings())) {
            ApiClient api = service.api();
            Reply draft = api.upload("/api/v1/frameworks/yj-2024/drafts",
                    List.of(new FilePart("files", "bandings.drl.xlsx",
                            Files.readAllBytes(example.resolve("decision-tables/yj-2024/bandings.drl.xlsx")))),
                    Map.of(), ERIN);
            String id = draft.body().at("/draft/id").asText();
            Reply set = api.send("PUT", "/api/v1/frameworks/yj-2024/shadow", "application/json",
                    "{\"draft\": \"" + id + "\"}", ALEX);
            assertThat(set.status()).as(set.text()).isEqualTo(200);

            Map<String, String> fixtureOfDecision = new HashMap<>();
            for (Fixture fixture : fixtures) {
                Fixture.Check check = fixture.checks().get("yj-2024");
                Reply live = api.post(check.path(), check.request());
                if (live.status() == 200) {
                    fixtureOfDecision.put(live.body().at("/decisionId").asText(), fixture.name());
                }
            }
            JsonNode report = Eventually.poll(Duration.ofSeconds(60),
                    () -> api.get("/api/v1/frameworks/yj-2024/shadow", ALEX).body(),
                    shadow -> shadow.at("/shadowed").asLong() + shadow.at("/dropped").asLong() >= fixtureOfDecision
                        .size());
            assertThat(report.at("/shadowed").asLong()).isEqualTo(fixtureOfDecision.size());
            assertThat(report.at("/dropped").asLong()).isZero();
            Set<String> shadowChanged = new HashSet<>();
            report.at("/changed").forEach(c -> shadowChanged.add(fixtureOfDecision.get(c.at("/decisionId").asText())));

            assertThat(shadowChanged).isNotEmpty().isEqualTo(changedByCompare(temp, example));
            assertThat(report.at("/transitions/GOOD->REQUIRES_IMPROVEMENT").asLong()).isPositive();

            assertThat(api.send("DELETE", "/api/v1/frameworks/yj-2024/shadow", null, null, ALEX).status())
                .isEqualTo(200);
            assertThat(api.send("DELETE", "/api/v1/frameworks/yj-2024/shadow", null, null, ALEX).status())
                .as("no shadow any more")
                .isEqualTo(404);
            assertThat(api.send("DELETE", "/api/v1/frameworks/nowhere/shadow", null, null, ALEX).status())
                .isEqualTo(404);
        }
    }

    /**
     * What compare says the same edit changes, over the same fixtures' requests (those
     * answered 200).
     */
    private static Set<String> changedByCompare(Path temp, Path example) throws Exception {
        Path edited = temp.resolve("edited");
        RulesHomeCopy.of(edited);
        Files.copy(example.resolve("decision-tables/yj-2024/bandings.drl.xlsx"),
                edited.resolve("decision-tables/yj-2024/bandings.drl.xlsx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Comparison comparison = new FixtureComparison(new Side(Path.of("."), "yj-2024"),
                new LoadedRuleSets(Path.of("."), List.of("yj-2024")), new Side(edited, "yj-2024"),
                new LoadedRuleSets(edited, List.of("yj-2024")))
            .over(Path.of("fixtures/yj-2024"));
        Set<String> changed = new HashSet<>();
        comparison.decisions()
            .stream()
            .filter(d -> d.changed() && d.baseline().status() == 200)
            .forEach(d -> changed.add(d.fixture()));
        return changed;
    }

    private static String[] settings() {
        List<String> all = new ArrayList<>(
                List.of("--access.users[0].username=erin", "--access.users[0].password={noop}e",
                        "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
                        "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver"));
        return all.toArray(String[]::new);
    }

}
