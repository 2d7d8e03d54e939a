package uk.inspection.openapi;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * What the two headers that choose a version say, wherever an operation takes them
 * (springdoc sees only their names).
 */
final class VersionHeaders implements OpenApiCustomizer {

    private static final Map<String, String> DESCRIPTIONS = Map.of("Ruleset-Version",
            "Decide with this version (its rulesetVersion, sha256:…), any ever published, scheduled or cancelled"
                    + " ones included; 410 for one never published. Not with Ruleset-As-Of.",
            "Ruleset-As-Of",
            "Decide with the version in force at this instant (2026-04-01T09:30:00Z, or with an offset) or date"
                    + " (2026-04-01: the start of that day in Europe/London); 422 when no version was in force then,"
                    + " 400 for a value that is neither, or with Ruleset-Version. Without either header, the version in"
                    + " force now decides.");

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths()
            .values()
            .forEach(item -> item.readOperations()
                .stream()
                .filter(operation -> operation.getParameters() != null)
                .flatMap(operation -> operation.getParameters().stream())
                .forEach(VersionHeaders::describe));
    }

    private static void describe(Parameter parameter) {
        String description = DESCRIPTIONS.get(parameter.getName());
        if (description != null && "header".equals(parameter.getIn())) {
            parameter.setDescription(description);
        }
    }

}
