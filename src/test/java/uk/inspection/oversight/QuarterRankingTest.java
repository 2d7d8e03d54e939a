package uk.inspection.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The national percentile of a quarter's values: the share of the other services doing
 * worse, ties counting half.
 */
class QuarterRankingTest {

    @Test
    void theBestIsAtTheHundredthAndTheWorstAtTheZeroth() {
        List<Double> values = List.of(10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(QuarterRanking.percentile(values, 4)).isEqualTo(100.0);
        assertThat(QuarterRanking.percentile(values, 0)).isEqualTo(0.0);
        assertThat(QuarterRanking.percentile(values, 2)).isEqualTo(50.0);
    }

    @Test
    void tiesCountAsHalfAndServicesWithoutAValueAreLeftOut() {
        List<Double> values = Arrays.asList(10.0, 10.0, null, 30.0);
        assertThat(QuarterRanking.percentile(values, 0)).isEqualTo(100.0 * 0.5 / 2);
        assertThat(QuarterRanking.percentile(values, 2)).isNull();
        assertThat(QuarterRanking.percentile(values, 3)).isEqualTo(100.0);
    }

    @Test
    void zeroAndNegativeZeroTie() {
        List<Double> values = List.of(0.0, -0.0);
        assertThat(QuarterRanking.percentile(values, 0)).isEqualTo(50.0);
        assertThat(QuarterRanking.percentile(values, 1)).isEqualTo(50.0);
    }

    @Test
    void aServiceAloneIsAtTheFiftieth() {
        assertThat(QuarterRanking.percentile(List.of(7.0), 0)).isEqualTo(50.0);
    }

}
