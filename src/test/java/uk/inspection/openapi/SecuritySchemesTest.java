package uk.inspection.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import uk.inspection.web.AccessProperties;

/**
 * The ways to authenticate the description declares follow the deployment: a bearer token
 * only where OpenID Connect is configured.
 */
class SecuritySchemesTest {

    @Test
    void bearerIsDeclaredOnlyWithOpenIdConnect() {
        AccessProperties plain = new AccessProperties(null, List.of(), null, null, List.of());
        AccessProperties oidc = new AccessProperties(null, List.of(), new AccessProperties.Oidc(
                "https://login.example/realms/inspection", null, null, null, "inspection-ratings"), null, List.of());

        OpenAPI without = new OpenApiConfiguration().openApi("1.2.3", plain);
        OpenAPI with = new OpenApiConfiguration().openApi("1.2.3", oidc);

        assertThat(without.getComponents().getSecuritySchemes()).containsOnlyKeys("apiKey", "basic");
        assertThat(with.getComponents().getSecuritySchemes()).containsOnlyKeys("apiKey", "basic", "bearer");
        SecurityScheme bearer = with.getComponents().getSecuritySchemes().get("bearer");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
        assertThat(with.getSecurity()).extracting(SecurityRequirement::keySet)
            .containsExactly(java.util.Set.of("apiKey"), java.util.Set.of("basic"), java.util.Set.of("bearer"));
        assertThat(with.getInfo().getVersion()).isEqualTo("1.2.3");
    }

}
