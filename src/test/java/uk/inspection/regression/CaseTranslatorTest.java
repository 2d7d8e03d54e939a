package uk.inspection.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.TranslationTable;

/**
 * The shipped translation tables over the hand-written cross-framework fixtures: each
 * translation gives the input written by hand for the other framework.
 */
class CaseTranslatorTest {

    private static final LoadedRuleSets RULES = new LoadedRuleSets(Path.of("."));

    @Test
    void translationTableTurnsEach2018CrossInputIntoItsHandWritten2024Input() throws Exception {
        for (Fixture fixture : Fixture.under(Path.of("fixtures/cross"))) {
            ObjectNode translated = translate("yj-2018", "yj-2024", fixture.input("yj-2018").orElseThrow());

            JsonNode handWritten = fixture.input("yj-2024").orElseThrow();
            assertThat(translated.get("cases")).as(fixture.name()).isEqualTo(handWritten.get("cases"));
            assertThat(translated.get("inspectionType")).isEqualTo(handWritten.get("inspectionType"));
            assertThat(translated.has("ratings")).as("no 2024 standard carries a 2018 rating").isFalse();
        }
    }

    @Test
    void translation2018To2021CarriesCasesAndDomainOneAndLeaves34And41ToTheScenario() throws Exception {
        for (Fixture fixture : Fixture.under(Path.of("fixtures/cross-2018-2021"))) {
            ObjectNode translated = translate("yj-2018", "yj-2021", fixture.input("yj-2018").orElseThrow());

            ObjectNode handWritten = fixture.input("yj-2021").orElseThrow().deepCopy();
            assertThat(translated.get("cases")).as(fixture.name()).isEqualTo(handWritten.get("cases"));
            // 3.4 has no 2018 counterpart (compare explores it) and 4.1 none either: the
            // scenario gives them.
            ((ObjectNode) handWritten.get("ratings")).remove(java.util.List.of("3.4", "4.1"));
            assertThat(translated.get("ratings")).as(fixture.name()).isEqualTo(handWritten.get("ratings"));
        }
    }

    @Test
    void translationTableTurnsEach2021CrossInputIntoItsHandWritten2024Input() throws Exception {
        for (Fixture fixture : Fixture.under(Path.of("fixtures/cross-2021-2024"))) {
            ObjectNode translated = translate("yj-2021", "yj-2024", fixture.input("yj-2021").orElseThrow());

            JsonNode handWritten = fixture.input("yj-2024").orElseThrow();
            assertThat(translated.get("cases")).as(fixture.name()).isEqualTo(handWritten.get("cases"));
            assertThat(translated.get("inspectionType")).isEqualTo(handWritten.get("inspectionType"));
        }
    }

    @Test
    void aCaseThatAnsweredNothingTheTargetAsksIsLeftOut() throws Exception {
        JsonNode source = new ObjectMapper().readTree("""
                {"ratings": {"1.1": "GOOD"}, "cases": [
                  {"id": "C01", "answers": {"3.4.1": true, "3.4.2": false}},
                  {"id": "C02", "answers": {"3.1.1": true, "3.4.1": true}}]}""");

        ObjectNode translated = translate("yj-2018", "yj-2021", source);

        assertThat(translated.get("cases").toString()).isEqualTo("[{\"id\":\"C02\",\"answers\":{\"3.1.1\":true}}]");
        assertThat(translated.get("ratings").toString()).isEqualTo("{\"1.1\":\"GOOD\"}");
    }

    private static ObjectNode translate(String from, String to, JsonNode input) {
        RuleSet target = RULES.get(to);
        TranslationTable table = target.translationFrom(from).orElseThrow();
        return CaseTranslator.translate(table, target.manifest(), input);
    }

}
