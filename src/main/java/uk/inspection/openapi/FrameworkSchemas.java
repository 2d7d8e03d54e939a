package uk.inspection.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;

import uk.inspection.decision.DecisionKind;
import uk.inspection.decision.DecisionKinds;
import uk.inspection.ratings.RatingKind;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetRegistry;

/**
 * What a framework's manifest allows, from the rule sets being served, so the description
 * follows the methodology team's files: a request schema per ratings framework
 * ({@code RatingRequest.yj-2024}: its inspection types, key questions, judgements, judged
 * standards, panel choices, regions and nations), the frameworks the ratings path takes,
 * and the rating codes of every scale. Java knows only where each manifest list goes.
 */
final class FrameworkSchemas implements OpenApiCustomizer {

    private static final String RATINGS_PATH = RatingKind.PATH;

    private static final String REFS = "#/components/schemas/";

    private final RuleSetRegistry registry;

    private final DecisionKinds kinds;

    FrameworkSchemas(RuleSetRegistry registry, DecisionKinds kinds) {
        this.registry = registry;
        this.kinds = kinds;
    }

    @Override
    public void customise(OpenAPI openApi) {
        List<RuleSet> ratings = registry.frameworks()
            .values()
            .stream()
            .flatMap(Optional::stream)
            .filter(r -> r.manifest().isRatings())
            .toList();
        Set<String> scale = new LinkedHashSet<>();
        ratings.forEach(r -> r.manifest().ratingScale().forEach(step -> scale.add(step.code())));
        List<Schema> perFramework = new ArrayList<>();
        for (RuleSet ruleSet : ratings) {
            String name = "RatingRequest." + ruleSet.id();
            openApi.getComponents().addSchemas(name, requestSchema(ruleSet));
            perFramework.add(new Schema<>().$ref(REFS + name));
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        for (String rated : List.of("PanelInput")) {
            Schema<?> panel = schemas.get(rated);
            if (panel != null && panel.getProperties() != null && !scale.isEmpty()) {
                panel.getProperties().put("rating", ratingSchema(List.copyOf(scale), "the panel's rating"));
            }
        }
        registry.frameworks()
            .values()
            .stream()
            .flatMap(Optional::stream)
            .filter(r -> !r.manifest().isRatings())
            .forEach(r -> vocabularies(schemas, r.manifest(), kinds));
        recordKinds(schemas);
        PathItem item = openApi.getPaths().get(RATINGS_PATH);
        if (item == null || item.getPost() == null || ratings.isEmpty()) {
            return;
        }
        Operation rate = item.getPost();
        for (Parameter parameter : rate.getParameters()) {
            if ("framework".equals(parameter.getName())) {
                parameter.schema(new StringSchema()._enum(ratings.stream().map(RuleSet::id).toList()))
                    .description("A ratings framework being served (more appear as the methodology team adds them).");
            }
        }
        MediaType json = rate.getRequestBody().getContent().get("application/json");
        json.setSchema(new Schema<>().anyOf(perFramework)
            .description("The request for the framework named in the path: RatingRequest.<framework>."));
    }

    /** The kinds a decision record names, as the enum of its {@code kind}. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private void recordKinds(Map<String, Schema> schemas) {
        Schema<?> record = schemas.get("DecisionRecord");
        if (record != null && record.getProperties() != null && record.getProperties().get("kind") != null) {
            Schema kind = record.getProperties().get("kind");
            kind.setEnum(kinds.all().stream().map(DecisionKind::recordKind).toList());
        }
    }

    /**
     * Each listed vocabulary as the enum of the request field it names, in the request
     * schemas of every kind the manifest's rule set decides.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static void vocabularies(Map<String, Schema> schemas, Manifest manifest, DecisionKinds kinds) {
        List<String> requests = kinds.all()
            .stream()
            .filter(kind -> kind.ruleSetKind() == manifest.kind())
            .flatMap(kind -> kind.requestTypes().stream())
            .map(Class::getSimpleName)
            .toList();
        for (String name : requests) {
            Schema<?> schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            manifest.vocabularies().forEach((field, codes) -> {
                Schema property = schema.getProperties().get(field);
                if (property == null) {
                    return;
                }
                if (property.getItems() != null) {
                    property.getItems().setEnum(new ArrayList<>(codes));
                }
                else if (isInteger(property)) {
                    property.setEnum(codes.stream().map(Integer::valueOf).toList());
                }
                else {
                    property.setEnum(new ArrayList<>(codes));
                }
            });
        }
    }

    private static boolean isInteger(Schema<?> schema) {
        return "integer".equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains("integer")
                || "int32".equals(schema.getFormat()) || "int64".equals(schema.getFormat());
    }

    private static Schema<?> requestSchema(RuleSet ruleSet) {
        Manifest manifest = ruleSet.manifest();
        List<String> scale = manifest.ratingScale().stream().map(Manifest.ScaleStep::code).toList();
        ObjectSchema schema = new ObjectSchema();
        schema.description(manifest.name() + " (" + ruleSet.id() + ")"
                + (manifest.inspectionTypes().isEmpty() ? "" : ": inspection types " + String.join(", ",
                        manifest.inspectionTypes().stream().map(t -> t.code() + " " + t.name()).toList())));
        schema.additionalProperties(false);
        List<String> required = new ArrayList<>(List.of("service"));
        schema.addProperty("service", new StringSchema().minLength(1).description("The service inspected."));
        if (!manifest.inspectionTypes().isEmpty()) {
            schema.addProperty("inspectionType", new StringSchema()
                ._enum(manifest.inspectionTypes().stream().map(Manifest.InspectionType::code).toList()));
            required.add("inspectionType");
        }
        ObjectSchema keyQuestions = closedObject("Consolidated results per key question answered from cases.");
        ObjectSchema judgements = closedObject("Yes/no judgements per key question answered by judgement.");
        ObjectSchema answers = closedObject("A case's yes/no answers by key question.");
        ObjectSchema judged = closedObject("Ratings given by inspector judgement, by standard.");
        ObjectSchema panel = closedObject("The ratings panel's choices, by standard.");
        List<String> requiredRatings = new ArrayList<>();
        for (Manifest.Standard standard : manifest.standards()) {
            for (Manifest.KeyQuestion question : standard.keyQuestions()) {
                if (question.isJudgement()) {
                    judgements.addProperty(question.code(), new BooleanSchema().description(question.question()));
                }
                else {
                    keyQuestions.addProperty(question.code(),
                            new Schema<>().$ref(REFS + "KeyQuestionInput").description(question.question()));
                    answers.addProperty(question.code(), new BooleanSchema().description(question.question()));
                }
            }
            if (standard.isJudgement()) {
                judged.addProperty(standard.code(), ratingSchema(scale, standard.code() + " " + standard.name()));
                if (standard.required()) {
                    requiredRatings.add(standard.code());
                }
            }
            if (standard.panelChoice()) {
                panel.addProperty(standard.code(), new Schema<>().$ref(REFS + "PanelInput"));
            }
        }
        if (manifest.panel().overallDeparture()) {
            panel.addProperty("overall", new Schema<>().$ref(REFS + "PanelInput")
                .description("A departure from the scoring rule: a rating and a reason."));
        }
        if (!requiredRatings.isEmpty()) {
            judged.setRequired(requiredRatings);
            required.add("ratings");
        }
        schema.addProperty("keyQuestions", keyQuestions);
        schema.addProperty("cases",
                new ArraySchema()
                    .items(new ObjectSchema().addProperty("id", new StringSchema()).addProperty("answers", answers))
                    .description("Case-level answers; a key question comes from keyQuestions or cases, not both."));
        schema.addProperty("judgements", judgements);
        schema.addProperty("ratings", judged);
        schema.addProperty("panel", panel);
        for (String field : List.of("region", "nation")) {
            if (manifest.acceptsField(field)) {
                StringSchema values = new StringSchema();
                manifest.vocabulary(field).ifPresent(values::_enum);
                schema.addProperty(field, values);
            }
        }
        if (manifest.acceptsField("fieldworkEnd")) {
            schema.addProperty("fieldworkEnd", new StringSchema().format("date"));
        }
        if (manifest.acceptsField("organisationalAlerts")) {
            schema.addProperty("organisationalAlerts",
                    new ArraySchema().items(new Schema<>().$ref(REFS + "AlertInput")));
        }
        schema.setRequired(required);
        return schema;
    }

    private static ObjectSchema closedObject(String description) {
        ObjectSchema schema = new ObjectSchema();
        schema.description(description);
        schema.additionalProperties(false);
        return schema;
    }

    private static Schema<?> ratingSchema(List<String> scale, String description) {
        return new StringSchema()._enum(scale).description(description);
    }

}
