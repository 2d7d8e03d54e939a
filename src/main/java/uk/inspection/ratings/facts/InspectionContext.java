package uk.inspection.ratings.facts;

/**
 * The inspection being rated: its framework and, where the framework has them, its
 * inspection type.
 */
public record InspectionContext(String framework, String inspectionType) {
}
