package uk.inspection.regression;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How a fixture's expected body is matched (fixtures/README.md). */
class ExpectedMatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void objectsMatchOnTheKeysTheFixtureNames() throws Exception {
        assertThat(ExpectedMatcher.differences(json("{\"rating\": \"GOOD\"}"),
                json("{\"rating\": \"GOOD\", \"score\": 2}")))
            .isEmpty();
        assertThat(ExpectedMatcher.differences(json("{\"rating\": \"GOOD\"}"), json("{\"rating\": \"OUTSTANDING\"}")))
            .containsExactly("$.rating: expected \"GOOD\", got \"OUTSTANDING\"");
    }

    @Test
    void arraysMatchElementByElementInAnyOrderButWithTheSameLength() throws Exception {
        assertThat(ExpectedMatcher.differences(json("[\"2.1.1\", \"2.1.2\"]"), json("[\"2.1.2\", \"2.1.1\"]")))
            .isEmpty();
        assertThat(ExpectedMatcher.differences(json("[\"2.1.1\"]"), json("[\"2.1.1\", \"2.1.2\"]"))).hasSize(1);
    }

    @Test
    void numbersMatchByValueAndNullMatchesAbsent() throws Exception {
        assertThat(ExpectedMatcher.differences(json("{\"percentage\": 70}"), json("{\"percentage\": 70.0}"))).isEmpty();
        assertThat(ExpectedMatcher.differences(json("{\"rating\": null}"), json("{}"))).isEmpty();
        assertThat(ExpectedMatcher.differences(json("{\"rating\": null}"), json("{\"rating\": \"GOOD\"}")))
            .containsExactly("$.rating: expected null, got \"GOOD\"");
        assertThat(ExpectedMatcher.differences(json("{\"rating\": \"GOOD\"}"), json("{}")))
            .containsExactly("$.rating: expected \"GOOD\", got nothing");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

}
