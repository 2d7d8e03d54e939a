package uk.inspection.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.decision.DecisionKind;

/**
 * The request the try page starts from: the first of the API description's examples
 * ({@code openapi/examples/*.json}, in the order of their names) that the kind answers
 * with 200 and that names no other framework, so that the box holds a request the API is
 * tested to decide.
 */
final class TryExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TryExamples() {
    }

    static String of(String framework, DecisionKind<?, ?> kind) {
        String operation = "POST " + kind.path();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:openapi/examples/*.json");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                JsonNode example;
                try (InputStream in = file.getInputStream()) {
                    example = JSON.readTree(in);
                }
                JsonNode names = example.path("path").path("framework");
                if (example.path("operation").asText().equals(operation) && example.path("status").asInt() == 200
                        && (names.isMissingNode() || names.asText().equals(framework))) {
                    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(example.get("value")) + "\n";
                }
            }
            return "{\n}\n";
        }
        catch (IOException e) {
            throw new UncheckedIOException("the API description's examples could not be read", e);
        }
    }

}
