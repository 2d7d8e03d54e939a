package uk.inspection.ratings.facts;

/** Where the inspected service is: its YJB region and its nation, either may be null. */
public record ServiceLocation(String region, String nation) {
}
