package uk.inspection.ratings.facts;

/** Who the lead inspector tells of an organisational alert in a region. */
public record AlertContact(String region, String contact) {
}
