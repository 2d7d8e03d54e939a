package uk.inspection.openapi;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import uk.inspection.decision.DecisionKinds;
import uk.inspection.people.Person;
import uk.inspection.records.AnswerJson;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.web.AccessProperties;

/**
 * The OpenAPI description at {@code /v3/api-docs} (and Swagger UI): the application's
 * name and version, the ways to authenticate, and customizers that add what springdoc
 * cannot see in the code: tags by feature, problem responses, tested examples and the
 * values each served manifest allows. docs/api.md says the same in prose.
 */
@Configuration
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";

    static final String BASIC = "basic";

    static final String BEARER = "bearer";

    static {
        // The person signed in is resolved from the authentication, not sent as a
        // parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Person.class);
        // A decision's answer is sent as the JSON already written of the response it
        // holds.
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(AnswerJson.class);
    }

    @Bean
    OpenAPI openApi(@Value("${inspection-ratings.version:unknown}") String version, AccessProperties access) {
        Components components = new Components()
            .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name("X-Api-Key")
                .description("A client service's key; required on every /api route except the public ones when the"
                        + " deployment configures API keys (access.api-key or access.api-keys)."))
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic")
                .description("A methodology user (access.users): needed for reloads, drafts, approvals, versions,"
                        + " history and shadows."));
        List<SecurityRequirement> security = new java.util.ArrayList<>(
                List.of(new SecurityRequirement().addList(API_KEY), new SecurityRequirement().addList(BASIC)));
        if (access.oidcOn()) {
            components.addSecuritySchemes(BEARER,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A token from the configured OpenID Connect issuer, with methodology roles."));
            security.add(new SecurityRequirement().addList(BEARER));
        }
        return new OpenAPI().info(new Info().title("Inspection ratings")
            .version(version)
            .description("Rates youth justice inspections, assesses Youth Justice Board oversight quarters and"
                    + " follows up probation inspection recommendations, by rules kept outside the code. Every"
                    + " decision carries the rule set it came from (ruleset), its rulesetVersion and the rule behind"
                    + " each result. Every client mistake is an application/problem+json answer naming the field."
                    + " The reference in prose: docs/api.md in the repository."))
            .components(components)
            .security(security);
    }

    @Bean
    OpenApiCustomizer featureTags(DecisionKinds kinds) {
        return new FeatureTags(kinds);
    }

    @Bean
    OpenApiCustomizer streamedBodies() {
        return new StreamedBodies();
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OpenApiCustomizer versionHeaders() {
        return new VersionHeaders();
    }

    @Bean
    OpenApiCustomizer requestExamples() {
        return new RequestExamples();
    }

    @Bean
    OpenApiCustomizer frameworkSchemas(RuleSetRegistry registry, DecisionKinds kinds) {
        return new FrameworkSchemas(registry, kinds);
    }

}
