package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Rows' half-open ranges against a closed domain, as a banding table's "from" and "below"
 * cells give them.
 */
class IntervalCoverageTest {

    private static final Interval PERCENT = Interval.closed(BigDecimal.ZERO, BigDecimal.valueOf(100));

    @Test
    void halfOpenBandsCoverTheDomainExactlyOnce() {
        assertThat(problems(row(13, null, 50), row(14, 50, 65), row(15, 65, 80), row(16, 80, null))).isEmpty();
    }

    @Test
    void aGapBetweenTwoRowsIsReportedAtTheLaterRow() {
        assertThat(problems(row(13, null, 50), row(14, 50, 64.5), row(15, 65, null)))
            .containsExactly("15: gap: no row for share 64.5–65");
    }

    @Test
    void overlappingRowsAreReportedWithBothRows() {
        assertThat(problems(row(13, null, 70), row(14, 65, null)))
            .containsExactly("14: rows 13 and 14 overlap on share 65–70");
    }

    @Test
    void aRowOutsideTheDomainCanNeverFire() {
        assertThat(problems(row(13, null, 100), row(14, 100, null), row(15, 101, null)))
            .containsExactly("15: row can never fire: share 101 and above is outside 0–100 or empty");
    }

    @Test
    void theTopOfTheDomainItselfMustBeCovered() {
        assertThat(problems(row(13, null, 100)))
            .containsExactly("13: gap: no row for share 100–100 (the value itself)");
    }

    private static IntervalCoverage.Entry row(int row, Number from, Number below) {
        Interval interval = Interval.ALL;
        if (from != null) {
            interval = interval.bounded(">=", new BigDecimal(from.toString()));
        }
        if (below != null) {
            interval = interval.bounded("<", new BigDecimal(below.toString()));
        }
        return new IntervalCoverage.Entry(row, interval);
    }

    private static List<String> problems(IntervalCoverage.Entry... rows) {
        List<String> found = new ArrayList<>();
        IntervalCoverage.check("share", PERCENT, List.of(rows), (row, message) -> found.add(row + ": " + message));
        return found;
    }

}
