package uk.inspection.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;

/**
 * Request examples from {@code openapi/examples/*.json} (the README's first rating, real
 * fixtures' inputs), each with the status it is answered with ({@code x-status}) and its
 * path parameters ({@code x-path-parameters}): OpenApiDescriptionTest sends every one to
 * the service. The first example of an operation is what Swagger UI's "Try it out" sends.
 */
final class RequestExamples implements OpenApiCustomizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void customise(OpenAPI openApi) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:openapi/examples/*.json");
            java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                JsonNode example;
                try (InputStream in = file.getInputStream()) {
                    example = JSON.readTree(in);
                }
                add(openApi, file.getFilename().replace(".json", ""), example);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI examples could not be read", e);
        }
    }

    private static void add(OpenAPI openApi, String name, JsonNode example) {
        String[] operation = example.path("operation").asText().split(" ", 2);
        PathItem item = openApi.getPaths().get(operation[1]);
        Operation target = item == null ? null
                : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(operation[0]));
        if (target == null || target.getRequestBody() == null || target.getRequestBody().getContent() == null) {
            throw new IllegalStateException("the OpenAPI example " + name + " names no operation with a body: "
                    + example.path("operation").asText());
        }
        MediaType json = target.getRequestBody().getContent().get("application/json");
        @SuppressWarnings("unchecked")
        Map<String, Object> path = JSON.convertValue(example.path("path"), Map.class);
        json.addExamples(name,
                new Example().summary(example.path("summary").asText())
                    .description("Answered " + example.path("status").asInt() + ".")
                    .value(JSON.convertValue(example.get("value"), Object.class))
                    .extensions(new java.util.LinkedHashMap<>(
                            Map.of("x-status", example.path("status").asInt(), "x-path-parameters", path))));
        if (target.getParameters() != null) {
            target.getParameters()
                .stream()
                .filter(p -> "path".equals(p.getIn()) && path.containsKey(p.getName()) && p.getExample() == null)
                .forEach(p -> p.setExample(path.get(p.getName())));
        }
    }

}
