package uk.inspection.regression;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outcome in a word that shadow reports and comparisons of recorded decisions show
 * for each kind of answer: the same words the decision records use.
 */
class RecordedComparisonLabelTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|',
            value = { "200|{\"overall\": {\"status\": \"FINAL\", \"rating\": \"GOOD\"}}|GOOD",
                    "200|{\"overall\": {\"status\": \"PENDING_PANEL\", \"rating\": null}}|PENDING_PANEL",
                    "200|{\"quadrant\": 3}|QUADRANT_3", "200|{\"summary\": {}}|QUARTER",
                    "200|{\"actionPlan\": {\"preparedBy\": \"REGION_AND_PDU\"}}|ACTION_PLAN_BY_REGION_AND_PDU",
                    "422|{\"status\": 422}|HTTP_422" })
    void eachKindOfAnswerIsLabelledAsItsRecordIs(int status, String body, String label) throws Exception {
        assertThat(RecordedComparison.label(new InProcessApi.Answer(status, new ObjectMapper().readTree(body))))
            .isEqualTo(label);
    }

}
