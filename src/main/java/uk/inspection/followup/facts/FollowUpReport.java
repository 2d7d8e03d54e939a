package uk.inspection.followup.facts;

import java.time.LocalDate;

/**
 * The inspection report whose recommendations are followed up: its kind, when its draft
 * was received for factual accuracy checks and when it was published (either may be
 * null), and how many recommendations it makes.
 */
public record FollowUpReport(String report, String kind, LocalDate draftReceived, LocalDate published,
        int recommendations) {
}
