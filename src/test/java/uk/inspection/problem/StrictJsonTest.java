package uk.inspection.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.oversight.OversightRequest;
import uk.inspection.ratings.RatingRequest;

/**
 * The shared reading of request bodies refuses what Jackson would otherwise guess at, and
 * says so by field in the API's words.
 */
class StrictJsonTest {

    private static final ObjectMapper JSON = StrictJson.mapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"keyQuestions\": {\"2.1.1\": {\"percentage\": \"NaN\"}}}|keyQuestions.2.1.1.percentage",
            "{\"keyQuestions\": {\"2.1.1\": {\"percentage\": \"Infinity\"}}}|keyQuestions.2.1.1.percentage",
            "{\"keyQuestions\": {\"2.1.1\": {\"percentage\": \"-Infinity\"}}}|keyQuestions.2.1.1.percentage",
            "{\"keyQuestions\": {\"2.1.1\": {\"percentage\": \"81\"}}}|keyQuestions.2.1.1.percentage",
            "{\"keyQuestions\": {\"2.1.1\": {\"percentage\": 1e400}}}|keyQuestions.2.1.1.percentage",
            "{\"keyQuestions\": {\"2.1.1\": {\"percentage\": NaN}}}|body", "{\"service\": 123}|service",
            "{\"service\": 1.5}|service", "{\"service\": true}|service", "{\"service\": []}|service",
            "{\"service\": {}}|service", "{\"fieldworkEnd\": []}|fieldworkEnd",
            "{\"fieldworkEnd\": [2025, 3, 12]}|fieldworkEnd", "{\"fieldworkEnd\": \"2025-02-30\"}|fieldworkEnd",
            "{\"fieldworkEnd\": \"2025-03-12T10:00\"}|fieldworkEnd", "{\"fieldworkEnd\": 20250312}|fieldworkEnd",
            "{\"judgements\": {\"V1.2\": \"true\"}}|judgements.V1.2", "{\"judgements\": {\"V1.2\": 1}}|judgements.V1.2",
            "{\"keyQuestions\": {\"2.1.1\": {\"yes\": \"14\", \"cases\": 20}}}|keyQuestions.2.1.1.yes",
            "{\"keyQuestions\": {\"2.1.1\": {\"yes\": \"\", \"cases\": 20}}}|keyQuestions.2.1.1.yes",
            "{\"service\": \"a\"}xyz|body", "{\"service\": \"a\"}{\"service\": \"b\"}|body",
            "{\"service\": \"a\"} 1|body" })
    void aRatingsBodyJacksonWouldGuessAtIsRefusedByField(String body, String field) {
        FieldProblem problem = refused(body, RatingRequest.class);

        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.message()).doesNotContain("`", "Feature", "java.", "Exception", "uk.inspection");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"metrics\": {\"CUSTODY\": {\"nationalPercentile\": \"NaN\"}}}|metrics.CUSTODY.nationalPercentile",
            "{\"metrics\": {\"CUSTODY\": {\"previousNationalPercentiles\": [\"Infinity\"]}}}"
                    + "|metrics.CUSTODY.previousNationalPercentiles[0]",
            "{\"metrics\": {\"CUSTODY\": {\"value\": \"NaN\"}}}|metrics.CUSTODY.value",
            "{\"currentQuadrant\": \"2\"}|currentQuadrant", "{\"quarter\": 2025}|quarter" })
    void anOversightBodyJacksonWouldGuessAtIsRefusedByField(String body, String field) {
        assertThat(refused(body, OversightRequest.class).field()).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            value = { "{\"service\": \"Nul\\u0000here\"}|service|U+0000",
                    "{\"service\": \"bell\\u0007\"}|service|U+0007", "{\"service\": \"X\\ud800Y\"}|service|U+D800",
                    "{\"service\": \"X\\udc00\"}|service|U+DC00",
                    "{\"ratings\": {\"1.1\": \"GOOD\\u0000\"}}|ratings.1.1|U+0000" })
    void textThatCannotBeRecordedAsReadIsRefusedByField(String body, String field, String character) {
        FieldProblem problem = refused(body, RatingRequest.class);

        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.message()).contains(character);
    }

    @Test
    void textWithTabsLineBreaksAndWholeSurrogatePairsStillReads() throws Exception {
        RatingRequest request = JSON.readValue("{\"service\": \"North\\ttown\\r\\nYJS \\ud83d\\ude00\"}",
                RatingRequest.class);

        assertThat(request.service()).isEqualTo("North\ttown\r\nYJS \uD83D\uDE00");
    }

    @Test
    void nonFiniteNumbersAreNamedInTheApisWords() {
        assertThat(refused("{\"keyQuestions\": {\"2.1.1\": {\"percentage\": NaN}}}", RatingRequest.class).message())
            .isEqualTo("malformed JSON at line 1, column 46: 'NaN' is not a JSON value; numbers must be finite");
        assertThat(refused("{\"service\": \"a\"}xyz", RatingRequest.class).message())
            .startsWith("malformed JSON at line 1");
    }

    @Test
    void wellFormedValuesStillRead() throws Exception {
        RatingRequest request = JSON.readValue("""
                {"service": "Northtown", "fieldworkEnd": "+999999999-12-31",
                 "keyQuestions": {"2.1.1": {"percentage": 81}, "2.1.2": {"percentage": -0.0}}}""", RatingRequest.class);

        assertThat(request.fieldworkEnd()).isEqualTo(LocalDate.MAX);
        assertThat(request.keyQuestions().get("2.1.1").percentage()).isEqualTo(81.0);
    }

    private static FieldProblem refused(String body, Class<?> type) {
        Throwable thrown = catchThrowable(() -> JSON.readValue(body, type));
        assertThat(thrown).as(body).isNotNull();
        return JsonProblems.of(thrown);
    }

}
