package uk.inspection.followup.facts;

import java.util.List;

/** One recommendation of the report and the authorities it is addressed to. */
public record ReportRecommendation(String id, List<String> addressedTo) {

    public ReportRecommendation {
        addressedTo = List.copyOf(addressedTo);
    }
}
