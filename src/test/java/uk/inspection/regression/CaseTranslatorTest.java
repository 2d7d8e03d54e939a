package uk.inspection.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shipped 2018-to-2024 translation table over the hand-written cross-framework
 * fixtures.
 */
class CaseTranslatorTest {

    @Test
    void translationTableTurnsEach2018CrossInputIntoItsHandWritten2024Input() throws Exception {
        LoadedRuleSets rules = new LoadedRuleSets(Path.of("."));
        var table = rules.get("yj-2024").translationFrom("yj-2018").orElseThrow();
        for (Fixture fixture : Fixture.under(Path.of("fixtures/cross"))) {
            ObjectNode translated = CaseTranslator.translate(table, fixture.input("yj-2018").orElseThrow());

            JsonNode handWritten = fixture.input("yj-2024").orElseThrow();
            assertThat(translated.get("cases")).as(fixture.name()).isEqualTo(handWritten.get("cases"));
            assertThat(translated.get("inspectionType")).isEqualTo(handWritten.get("inspectionType"));
        }
    }

}
