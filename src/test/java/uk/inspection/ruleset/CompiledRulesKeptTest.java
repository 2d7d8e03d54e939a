package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import uk.inspection.decision.DecisionKinds;
import uk.inspection.decision.DecisionPipeline;
import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.EvaluationLimits;
import uk.inspection.engine.drools.CompiledRules;
import uk.inspection.engine.drools.DroolsRuleEngine;
import uk.inspection.ratings.RatingKind;
import uk.inspection.ratings.RatingRequest;
import uk.inspection.ratings.RatingResponse;
import uk.inspection.problem.RequestLimits;

/**
 * Rule sets compiled once (real Drools, the shipped yj-2024 files): a second engine on
 * the same folder, as after a restart, loads the compiled rules instead of compiling
 * them, and decides as the first did; a damaged file is compiled again, and replaced.
 */
class CompiledRulesKeptTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    @TempDir
    Path kept;

    @Test
    void aRestartLoadsTheCompiledRulesAndDecidesAsBefore() throws IOException {
        CompiledRules first = new CompiledRules(kept);
        RuleSet compiled = load(first);
        assertThat(first.counts()).isEqualTo(Map.of("loaded", 0, "refused", 0, "compiled", 1));
        assertThat(keptFiles()).hasSize(1);

        CompiledRules restarted = new CompiledRules(kept);
        RuleSet loaded = load(restarted);

        assertThat(restarted.counts()).isEqualTo(Map.of("loaded", 1, "refused", 0, "compiled", 0));
        assertThat(loaded.version()).isEqualTo(compiled.version());
        JsonNode fixture = fixture();
        assertThat(decide(loaded, fixture)).isEqualTo(decide(compiled, fixture))
            .isEqualTo(fixture.at("/expected/body/overall/rating").asText());
    }

    @Test
    void aDamagedFileIsCompiledAgainAndReplaced() throws IOException {
        load(new CompiledRules(kept));
        Path file = keptFiles().get(0);
        byte[] bytes = Files.readAllBytes(file);
        // one byte of a class changed: the zip may still read, the digest does not match
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);

        CompiledRules restarted = new CompiledRules(kept);
        RuleSet ruleSet = load(restarted);

        assertThat(restarted.counts()).isEqualTo(Map.of("loaded", 0, "refused", 0, "compiled", 1));
        assertThat(Files.readAllBytes(file)).isNotEqualTo(bytes);
        JsonNode fixture = fixture();
        assertThat(decide(ruleSet, fixture)).isEqualTo(fixture.at("/expected/body/overall/rating").asText());
        assertThat(new CompiledRules(kept)).satisfies(again -> {
            load(again);
            assertThat(again.counts()).containsEntry("loaded", 1);
        });
    }

    private RuleSet load(CompiledRules rules) {
        RuleSetLoader loader = new RuleSetLoader(Clock.systemUTC(),
                new DroolsRuleEngine(EvaluationLimits.DEFAULTS, BuildLimits.DEFAULTS, rules), BuildLimits.DEFAULTS);
        return ((LoadResult.Loaded) loader.load(Path.of("."), "yj-2024")).ruleSet();
    }

    private List<Path> keptFiles() throws IOException {
        try (var files = Files.list(kept)) {
            return files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
    }

    private static JsonNode fixture() throws IOException {
        return JSON.readTree(Path.of("fixtures/yj-2024/band-edge-49-50-counts-49-of-100-inadequate.json").toFile());
    }

    private static String decide(RuleSet ruleSet, JsonNode fixture) throws IOException {
        RatingRequest request = JSON.treeToValue(fixture.get("request"), RatingRequest.class);
        RatingResponse response = DecisionPipeline
            .decide(DecisionKinds.installed().of(RatingKind.class), ruleSet, request, RequestLimits.DEFAULTS)
            .orElseThrow();
        return JSON.valueToTree(response).at("/overall/rating").asText();
    }

}
