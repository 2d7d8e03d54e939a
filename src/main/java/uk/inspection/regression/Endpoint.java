package uk.inspection.regression;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import uk.inspection.ruleset.Manifest;

/**
 * The HTTP endpoints a fixture's request may go to: a framework's ratings (no
 * {@code endpoint} in the fixture), or one named by the fixture's {@code endpoint}, each
 * served by rule sets of one kind.
 */
enum Endpoint {

    RATINGS(null, Manifest.Kind.RATINGS, "/api/v1/frameworks/%s/ratings"),
    ASSESSMENTS("assessments", Manifest.Kind.OVERSIGHT, "/api/v1/oversight/assessments"),
    QUARTERS("quarters", Manifest.Kind.OVERSIGHT, "/api/v1/oversight/quarters"),
    FOLLOW_UPS("follow-ups", Manifest.Kind.FOLLOW_UP, "/api/v1/probation/follow-ups");

    private final String name;

    private final Manifest.Kind kind;

    private final String path;

    Endpoint(String name, Manifest.Kind kind, String path) {
        this.name = name;
        this.kind = kind;
        this.path = path;
    }

    /** The endpoint a fixture's {@code endpoint} names (null: ratings). */
    static Optional<Endpoint> named(String name) {
        return Arrays.stream(values()).filter(e -> Objects.equals(e.name, name)).findFirst();
    }

    Manifest.Kind kind() {
        return kind;
    }

    String path(String framework) {
        return path.formatted(framework);
    }

}
