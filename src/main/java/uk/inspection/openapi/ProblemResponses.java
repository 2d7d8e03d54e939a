package uk.inspection.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import uk.inspection.problem.ProblemType;

/**
 * Every error an operation can answer, as the RFC 9457 problem document the service sends
 * ({@code uk.inspection.problem.Problems}): springdoc sees only the 200.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";

    static final String PROBLEM_JSON = "application/problem+json";

    /** For every operation. */
    private static final Map<String, String> ALWAYS = new LinkedHashMap<>();

    /** For operations that take a body. */
    private static final Map<String, String> WITH_BODY = new LinkedHashMap<>();

    static {
        ALWAYS.put("400", "Malformed request: a body that is not JSON, an unknown or duplicated field, a value of"
                + " the wrong type, a path or query parameter the service cannot read.");
        ALWAYS.put("401", "No credentials, or wrong ones: the API key (X-Api-Key) when the deployment requires one,"
                + " a methodology user or bearer token for management routes.");
        ALWAYS.put("403", "The credentials are known but their roles do not allow this operation.");
        ALWAYS.put("404", "No such framework, draft, decision or route.");
        ALWAYS.put("406", "The Accept header allows neither application/json nor application/problem+json.");
        ALWAYS.put("503", "The rule set is not available: it has not built, or its published version was withdrawn"
                + " after its rules ran away twice on one request (until a fix or rollback is published); or its rules"
                + " ran away on this request (rule-set-defect, naming the rule).");
        WITH_BODY.put("413", "The body is larger than the service accepts (http.max-body-size).");
        WITH_BODY.put("415", "The Content-Type is not application/json.");
        WITH_BODY.put("422", "Facts the rules cannot accept; errors lists every field at fault with the reason.");
    }

    private static final String GONE = "The Ruleset-Version asked for is not one this service still keeps.";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getComponents().addSchemas("FieldProblem", fieldProblemSchema());
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> addTo(operation)));
    }

    private static void addTo(Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>(ALWAYS);
        if (operation.getRequestBody() != null) {
            errors.putAll(WITH_BODY);
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "Ruleset-Version".equals(p.getName()))) {
            errors.put("410", GONE);
        }
        errors.forEach(
                (status, description) -> operation.getResponses()
                    .put(status, new ApiResponse().description(description)
                        .content(new Content().addMediaType(PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    }

    private static Schema<?> problemSchema() {
        List<String> types = java.util.Arrays.stream(ProblemType.values()).map(t -> t.type().toString()).toList();
        Schema<?> schema = new ObjectSchema().description("An RFC 9457 problem document.")
            .addProperty("type",
                    new StringSchema()._enum(types)
                        .format("uri")
                        .description("The kind of problem, from the service's catalogue."))
            .addProperty("title", new StringSchema().description("The kind of problem in words."))
            .addProperty("status",
                    new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status."))
            .addProperty("detail", new StringSchema().description("What went wrong with this request."))
            .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path."))
            .addProperty("errors",
                    new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
                        .description("Each field at fault (422, some 400s), up to limits.errors-listed."))
            .addProperty("totalErrors", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                .description("How many fields were at fault when more than the listed."));
        schema.setRequired(List.of("type", "title", "status"));
        return schema;
    }

    private static Schema<?> fieldProblemSchema() {
        Schema<?> schema = new ObjectSchema().description("One field at fault.")
            .addProperty("field",
                    new StringSchema().description("Where in the request, as a path: keyQuestions.2.1.1.percentage."))
            .addProperty("message", new StringSchema().description("What is wrong with it."));
        schema.setRequired(List.of("field", "message"));
        return schema;
    }

}
