package uk.inspection.drafts;

import java.util.List;

import uk.inspection.diff.FileDiff;
import uk.inspection.engine.LoadProblem;
import uk.inspection.regression.Comparison;
import uk.inspection.regression.FixtureRun;
import uk.inspection.regression.RecordedComparison;
import uk.inspection.regression.RecordedComparison;

/**
 * Everything a reviewer needs of a draft, computed by the service: validation (every
 * problem at its file, sheet and cell), the framework's fixtures run against it, its
 * impact against the version it is based on (the transition matrix and every changed
 * decision with its first difference), the same over the framework's last recorded live
 * decisions ({@code recorded}; absent without records), and the readable diff, cell by
 * cell.
 */
public record DraftReview(String head, List<LoadProblem> validation, FixtureRun.Result fixtures, Comparison impact,
        RecordedComparison.Result recorded, List<FileDiff> diff) {

    public DraftReview {
        validation = List.copyOf(validation);
        diff = List.copyOf(diff);
    }

    /**
     * Whether the draft may be approved: it builds, passes every check, and every fixture
     * passes.
     */
    public boolean passes() {
        return validation.isEmpty() && fixtures.failed() == 0;
    }
}
