package uk.inspection.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * A streamed answer (the decision records' JSON Lines export) is text, one JSON document
 * a line: springdoc would describe the Java type that writes it.
 */
final class StreamedBodies implements OpenApiCustomizer {

    private static final String STREAMING = "#/components/schemas/StreamingResponseBody";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths()
            .values()
            .forEach(item -> item.readOperations()
                .forEach(operation -> operation.getResponses()
                    .values()
                    .stream()
                    .filter(response -> response.getContent() != null)
                    .forEach(response -> response.getContent().values().forEach(media -> {
                        if (media.getSchema() != null && STREAMING.equals(media.getSchema().get$ref())) {
                            media.setSchema(new StringSchema()
                                .description("JSON Lines: one decision record (DecisionRecord) per line."));
                        }
                    }))));
        if (openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().remove("StreamingResponseBody");
        }
    }

}
