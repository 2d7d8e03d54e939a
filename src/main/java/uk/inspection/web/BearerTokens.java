package uk.inspection.web;

import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * OpenID Connect for production: bearer tokens from the inspectorate's identity provider,
 * verified against its keys (found from the issuer, or a key-set address), issued by that
 * issuer for this service's audience, with a subject (the person,
 * {@link SignedInPerson}); the user named by a claim and the roles read from another
 * ({@code roles: [methodology-editor]}).
 */
final class BearerTokens {

    private BearerTokens() {
    }

    static JwtDecoder decoder(AccessProperties.Oidc oidc) {
        NimbusJwtDecoder decoder = oidc.jwkSetUri() != null && !oidc.jwkSetUri().isBlank()
                ? NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build()
                : NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(oidc.issuerUri()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(oidc.audience())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank())));
        return decoder;
    }

    static Converter<Jwt, AbstractAuthenticationToken> converter(AccessProperties.Oidc oidc) {
        return jwt -> {
            Object claim = jwt.getClaims().get(oidc.rolesClaim());
            Collection<?> roles = claim instanceof Collection<?> list ? list
                    : claim instanceof String text ? List.of(text.split("[,\\s]+")) : List.of();
            List<GrantedAuthority> authorities = roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(
                        "ROLE_" + AccessProperties.authority(String.valueOf(role))))
                .toList();
            String name = jwt.getClaimAsString(oidc.usernameClaim());
            return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
        };
    }

}
