package uk.inspection.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.tags.Tag;

import uk.inspection.decision.DecisionKinds;

/**
 * Operations grouped by feature (as the packages are), not by controller class: each kind
 * of decision under its own feature, then the rest by path; the public routes marked as
 * needing no credentials; the error route left out.
 */
final class FeatureTags implements OpenApiCustomizer {

    private record Feature(Pattern paths, String description) {
    }

    /**
     * The features of the rest of the API. First match wins, so the specific paths come
     * before the general ones.
     */
    private static final Map<String, Feature> FEATURES = new LinkedHashMap<>();

    static {
        feature("Decision records", "/api/v1/decisions.*",
                "Every decision, recorded with its request and answer: listed, exported and replayed.");
        feature("Shadow mode", "/api/v1/frameworks/[^/]+/shadow",
                "A candidate rule set decides beside the served one, and the differences are recorded.");
        feature("Rule changes", "/api/v1/(drafts.*|frameworks/[^/]+/(drafts|rollbacks|history))",
                "Drafts of rule changes, their review, approval and rollback, and each framework's history.");
        feature("Rule store", "/api/v1/store.*", "The Git rule store the rule sets are served from.");
        feature("Ratings", "/api/v1/ratings", "Inspection ratings by the framework in force on the inspection's date.");
        feature("Frameworks", "/api/v1/frameworks(/[^/]+(/versions|/reload)?)?",
                "The served rule sets, their manifests and versions.");
    }

    /** Routes anyone may call, whatever the deployment's keys and users. */
    private static final List<String> PUBLIC = List.of("GET /api/v1/frameworks", "GET /api/v1/frameworks/{framework}",
            "GET /api/v1/store", "POST /api/v1/store/refresh");

    private final DecisionKinds kinds;

    FeatureTags(DecisionKinds kinds) {
        this.kinds = kinds;
    }

    private static void feature(String name, String paths, String description) {
        FEATURES.put(name, new Feature(Pattern.compile(paths), description));
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths().keySet().removeIf(path -> !path.startsWith("/api/"));
        Map<String, String> descriptions = new LinkedHashMap<>();
        kinds.all().forEach(kind -> descriptions.putIfAbsent(kind.feature().name(), kind.feature().description()));
        // A feature a kind of decision already names keeps the kind's description.
        FEATURES.forEach((name, feature) -> descriptions.putIfAbsent(name, feature.description()));
        List<Tag> tags = new ArrayList<>();
        descriptions.forEach((name, description) -> tags.add(new Tag().name(name).description(description)));
        openApi.setTags(tags);
        openApi.getPaths().forEach((path, item) -> {
            String tag = kinds.all()
                .stream()
                .filter(kind -> kind.path().equals(path))
                .map(kind -> kind.feature().name())
                .findFirst()
                .or(() -> FEATURES.entrySet()
                    .stream()
                    .filter(f -> f.getValue().paths().matcher(path).matches())
                    .map(Map.Entry::getKey)
                    .findFirst())
                .orElse("Frameworks");
            item.readOperationsMap().forEach((method, operation) -> {
                operation.setTags(List.of(tag));
                if (PUBLIC.contains(method + " " + path)) {
                    operation.setSecurity(List.of());
                }
            });
        });
    }

}
