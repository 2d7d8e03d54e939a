package uk.inspection.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ServiceTest;

/**
 * The description at /v3/api-docs, as a client generator or Swagger UI reads it: valid
 * OpenAPI, the application's name and version, tags by feature, the ways to authenticate,
 * every error as a problem document, typed schemas with the manifests' values, and
 * examples that the running service answers with the documented status.
 */
@ServiceTest
class OpenApiDescriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> EVERY_OPERATION = List.of("400", "401", "403", "404", "406", "503");

    private static final List<String> WITH_A_BODY = List.of("413", "415", "422");

    @LocalServerPort
    int port;

    private String raw;

    private OpenAPI description;

    @BeforeEach
    void fetchAndParse() {
        ApiClient.Reply reply = ApiClient.onPort(port).get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        raw = reply.text();
        try {
            // For a reader of a failed run.
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/openapi.json"), raw);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(raw, null, options);
        assertThat(parsed.getMessages()).as("the parser's complaints").isEmpty();
        description = parsed.getOpenAPI();
    }

    @Test
    void namesTheApplicationAndItsVersion() throws Exception {
        Matcher pom = Pattern.compile("<artifactId>inspection-ratings</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(pom.find()).isTrue();

        assertThat(description.getInfo().getTitle()).isEqualTo("Inspection ratings");
        assertThat(description.getInfo().getVersion()).isEqualTo(pom.group(1));
    }

    @Test
    void groupsOperationsByFeatureAndDeclaresHowToAuthenticate() {
        List<String> declared = description.getTags().stream().map(t -> t.getName()).toList();
        description.getPaths()
            .forEach((path, item) -> item.readOperations()
                .forEach(
                        operation -> assertThat(operation.getTags()).as(path).hasSize(1).allMatch(declared::contains)));
        assertThat(description.getPaths().get("/api/v1/frameworks/{framework}/ratings").getPost().getTags())
            .containsExactly("Ratings");
        assertThat(description.getPaths().get("/api/v1/oversight/quarters").getPost().getTags())
            .containsExactly("Oversight");
        assertThat(description.getPaths()).doesNotContainKey("/error");

        SecurityScheme key = description.getComponents().getSecuritySchemes().get("apiKey");
        assertThat(key.getType()).isEqualTo(SecurityScheme.Type.APIKEY);
        assertThat(key.getIn()).isEqualTo(SecurityScheme.In.HEADER);
        assertThat(key.getName()).isEqualTo("X-Api-Key");
        assertThat(description.getComponents().getSecuritySchemes().get("basic").getScheme()).isEqualTo("basic");
        assertThat(description.getSecurity()).isNotEmpty();
        assertThat(description.getPaths().get("/api/v1/frameworks").getGet().getSecurity()).as("public").isEmpty();
    }

    /**
     * The person who takes a step is the one signed in, never a parameter a client could
     * send.
     */
    @Test
    void theSignedInPersonIsNoParameter() {
        assertThat(description.getPaths().get("/api/v1/drafts/{draft}/withdraw").getPost().getParameters())
            .extracting(parameter -> parameter.getName())
            .containsExactly("draft");
        assertThat(description.getComponents().getSchemas()).doesNotContainKey("Person");
    }

    /**
     * Every decision may name the version it is decided with, or the instant whose
     * version in force decides it: both headers are there and say so.
     */
    @Test
    void everyDecisionTakesBothVersionHeadersDescribed() {
        for (String path : List.of("/api/v1/frameworks/{framework}/ratings", "/api/v1/oversight/assessments",
                "/api/v1/oversight/quarters", "/api/v1/probation/follow-ups")) {
            assertThat(description.getPaths().get(path).getPost().getParameters()).as(path)
                .filteredOn(parameter -> "header".equals(parameter.getIn()))
                .extracting(parameter -> parameter.getName() + ": " + parameter.getDescription())
                .anySatisfy(header -> assertThat(header).startsWith("Ruleset-Version: Decide with this version"))
                .anySatisfy(header -> assertThat(header).startsWith("Ruleset-As-Of: Decide with the version in force"));
        }
    }

    /**
     * Both rating operations take ?explain=margins, described, and a key question's
     * schema has the margins it adds.
     */
    @Test
    void ratingsTakeExplainDescribedAndKeyQuestionsHaveMargins() {
        for (String path : List.of("/api/v1/frameworks/{framework}/ratings", "/api/v1/ratings")) {
            assertThat(description.getPaths().get(path).getPost().getParameters()).as(path)
                .filteredOn(parameter -> "query".equals(parameter.getIn()))
                .extracting(parameter -> parameter.getName() + ": " + parameter.getDescription())
                .singleElement()
                .satisfies(explain -> assertThat(explain).startsWith("explain: Off unless given. margins:")
                    .contains("400 naming explain"));
        }
        assertThat(description.getComponents().getSchemas().get("KeyQuestionOutcome").getProperties())
            .containsKey("margins");
        assertThat(description.getComponents().getSchemas().get("Margin").getProperties()).containsKeys("cases",
                "points", "rating", "standard", "overall", "refused");
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblemDocuments() {
        description.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<String> expected = new ArrayList<>(EVERY_OPERATION);
            if (operation.getRequestBody() != null) {
                expected.addAll(WITH_A_BODY);
            }
            for (String status : expected) {
                ApiResponse response = operation.getResponses().get(status);
                assertThat(response).as(method + " " + path + " " + status).isNotNull();
                MediaType problem = response.getContent().get("application/problem+json");
                assertThat(problem).as(method + " " + path + " " + status).isNotNull();
                assertThat(problem.getSchema().get$ref()).isEqualTo("#/components/schemas/Problem");
            }
        }));
        assertThat(description.getPaths().get("/api/v1/frameworks/{framework}/ratings").getPost().getResponses())
            .containsKey("410");
    }

    @Test
    void theProblemSchemaIsTheDocumentTheServiceSends() {
        Schema<?> problem = description.getComponents().getSchemas().get("Problem");
        assertThat(problem.getRequired()).containsExactlyInAnyOrder("type", "title", "status");

        ApiClient.Reply refused = ApiClient.onPort(port)
            .post("/api/v1/frameworks/yj-2024/ratings", "{\"service\": \"Northtown YJS\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        refused.body().fieldNames().forEachRemaining(fields::add);
        assertThat(problem.getProperties()).containsKeys(fields.toArray(String[]::new));
        assertThat(refused.body().at("/errors/0").has("field")).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemasAreTypedWithRequiredFieldsEnumsAndRanges() throws Exception {
        Map<String, Schema> schemas = description.getComponents().getSchemas();
        for (var schema : schemas.entrySet()) {
            boolean typed = schema.getValue().getProperties() != null
                    || schema.getValue().getAdditionalProperties() != null || schema.getValue().getEnum() != null
                    || schema.getValue().getAnyOf() != null;
            assertThat(typed).as(schema.getKey() + " is more than a bare object").isTrue();
        }
        Schema<?> counts = schemas.get("KeyQuestionInput");
        assertThat(counts.getProperties().get("percentage").getMinimum()).isEqualByComparingTo("0");
        assertThat(counts.getProperties().get("percentage").getMaximum()).isEqualByComparingTo("100");
        assertThat(counts.getProperties().get("yes").getMinimum()).isEqualByComparingTo("0");

        // The manifest's values, from the served rule set.
        JsonNode manifest = new YAMLMapper().readTree(Path.of("rules/yj-2024/framework.yaml").toFile());
        Schema<?> request = schemas.get("RatingRequest.yj-2024");
        assertThat(request.getRequired()).contains("service", "inspectionType");
        assertThat(request.getProperties().get("inspectionType").getEnum()).containsExactly("IYJWCV", "IYJS");
        assertThat(request.getProperties().get("region").getEnum())
            .containsExactlyElementsOf(texts(manifest.at("/vocabularies/region")));
        assertThat(request.getProperties().get("keyQuestions").getProperties()).containsKeys("2.1.1", "V1.1")
            .doesNotContainKey("V1.2");
        assertThat(request.getProperties().get("judgements").getProperties()).containsOnlyKeys("V1.2");
        Schema rating = (Schema) request.getProperties().get("ratings").getProperties().get("1.1");
        assertThat((List<Object>) rating.getEnum()).containsExactly("INADEQUATE", "REQUIRES_IMPROVEMENT", "GOOD",
                "OUTSTANDING");
        assertThat(schemas.get("RatingRequest.yj-2018").getProperties()).doesNotContainKey("inspectionType");
        JsonNode oversight = new YAMLMapper().readTree(Path.of("rules/yjb-oversight/framework.yaml").toFile());
        assertThat((List<Object>) ((Schema<?>) schemas.get("OversightRequest").getProperties().get("youthJusticePlan"))
            .getEnum()).containsExactlyElementsOf(texts(oversight.at("/vocabularies/youthJusticePlan")));
        assertThat(
                (List<Object>) ((Schema<?>) schemas.get("OversightRequest").getProperties().get("concerns")).getItems()
                    .getEnum())
            .containsExactlyElementsOf(texts(oversight.at("/vocabularies/concerns")));
        List<Object> frameworks = (List<Object>) description.getPaths()
            .get("/api/v1/frameworks/{framework}/ratings")
            .getPost()
            .getParameters()
            .stream()
            .filter(p -> p.getName().equals("framework"))
            .findFirst()
            .orElseThrow()
            .getSchema()
            .getEnum();
        assertThat(frameworks).contains("yj-2018", "yj-2021", "yj-2024").doesNotContain("yjb-oversight");
    }

    @Test
    void theFirstRatingsExampleIsTheReadmesRequest() throws Exception {
        Matcher curl = Pattern
            .compile("ratings \\\\\\n  -H 'Content-Type: application/json' -d '(\\{.*?\\})'", Pattern.DOTALL)
            .matcher(Files.readString(Path.of("README.md")));
        assertThat(curl.find()).isTrue();

        Map<String, Example> examples = description.getPaths()
            .get("/api/v1/frameworks/{framework}/ratings")
            .getPost()
            .getRequestBody()
            .getContent()
            .get("application/json")
            .getExamples();

        Example first = examples.values().iterator().next();
        JsonNode sent = JSON.valueToTree(first.getValue());
        assertThat(sent).isEqualTo(JSON.readTree(curl.group(1)));
        assertThat(first.getExtensions()).containsEntry("x-status", 200);
    }

    @Test
    void everyDocumentedExampleGetsItsDocumentedStatus() {
        ApiClient api = ApiClient.onPort(port);
        int sent = 0;
        for (var path : description.getPaths().entrySet()) {
            for (var entry : path.getValue().readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getRequestBody() == null
                        || operation.getRequestBody().getContent().get("application/json") == null) {
                    continue;
                }
                Map<String, Example> examples = operation.getRequestBody()
                    .getContent()
                    .get("application/json")
                    .getExamples();
                if (examples == null) {
                    continue;
                }
                for (var example : examples.entrySet()) {
                    String target = path.getKey();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> parameters = (Map<String, Object>) example.getValue()
                        .getExtensions()
                        .get("x-path-parameters");
                    for (var parameter : parameters.entrySet()) {
                        target = target.replace("{" + parameter.getKey() + "}", parameter.getValue().toString());
                    }
                    ApiClient.Reply reply = api.send(entry.getKey().name(), target, "application/json",
                            JSON.valueToTree(example.getValue().getValue()).toString());

                    assertThat(reply.status()).as(example.getKey() + ": " + reply.text())
                        .isEqualTo(example.getValue().getExtensions().get("x-status"));
                    assertThat(operation.getResponses()).as(example.getKey())
                        .containsKey(example.getValue().getExtensions().get("x-status").toString());
                    sent++;
                }
            }
        }
        assertThat(sent).as("examples sent").isGreaterThanOrEqualTo(5);
    }

    @Test
    void everyDecisionNamesItsRuleSetRulesetAndRatingsKeepTheDeprecatedFramework() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        Map<String, String> examples = Map.of("ratings-readme", "/api/v1/frameworks/yj-2024/ratings",
                "oversight-assessment", "/api/v1/oversight/assessments", "follow-up-core-report",
                "/api/v1/probation/follow-ups");
        Map<String, String> ruleSets = Map.of("ratings-readme", "yj-2024", "oversight-assessment", "yjb-oversight",
                "follow-up-core-report", "probation-follow-up");
        for (var example : examples.entrySet()) {
            JsonNode file = JSON
                .readTree(Path.of("src/main/resources/openapi/examples/" + example.getKey() + ".json").toFile());

            ApiClient.Reply reply = api.post(example.getValue(), file.get("value").toString());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().path("ruleset").asText()).as(example.getKey())
                .isEqualTo(ruleSets.get(example.getKey()));
        }
        JsonNode rating = api
            .post("/api/v1/frameworks/yj-2024/ratings",
                    JSON.readTree(Path.of("src/main/resources/openapi/examples/ratings-readme.json").toFile())
                        .get("value")
                        .toString())
            .body();
        assertThat(rating.path("framework").asText()).isEqualTo("yj-2024");
        Schema<?> response = description.getComponents().getSchemas().get("RatingResponse");
        assertThat(((Schema<?>) response.getProperties().get("framework")).getDeprecated()).isTrue();
        assertThat(((Schema<?>) response.getProperties().get("framework")).getDescription()).contains("Deprecated");
    }

    @Test
    void swaggerUiIsServed() {
        int status = ApiClient.onPort(port).get("/swagger-ui/index.html").status();
        assertThat(status).isEqualTo(200);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

}
