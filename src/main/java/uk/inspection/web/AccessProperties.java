package uk.inspection.web;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may do what. Users come from configuration ({@code access.users[n].username},
 * {@code .password} with an encoding prefix such as {@code {bcrypt}}, and {@code .roles}:
 * {@code methodology-editor} to propose changes, {@code methodology-approver} to approve
 * them, {@code methodology} to manage a running service); none are built in. The older
 * {@code access.methodology.username} and {@code .password} give one user the
 * {@code methodology} role. With {@code access.oidc.issuer-uri} (and, to fetch its keys
 * from elsewhere than the issuer's discovery document, {@code .jwk-set-uri}) bearer
 * tokens from the inspectorate's identity provider are accepted too: only that issuer's,
 * only for {@code access.oidc.audience}, their roles read from the claim
 * {@code access.oidc.roles-claim}. Evaluation is open unless {@code access.api-key} is
 * set, when it needs the header {@code X-Api-Key}.
 */
@ConfigurationProperties("access")
public record AccessProperties(Methodology methodology, List<UserEntry> users, Oidc oidc, String apiKey,
        List<ApiKey> apiKeys) {

    public AccessProperties {
        users = users == null ? List.of() : List.copyOf(users);
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /** A client service's API key, by the name its decisions are recorded under. */
    public record ApiKey(String name, String key) {
    }

    /** Every API key by name; {@code access.api-key} is named "default". */
    public Map<String, String> allApiKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        if (apiKey != null && !apiKey.isBlank()) {
            keys.put("default", apiKey);
        }
        apiKeys.stream()
            .filter(k -> k.name() != null && k.key() != null && !k.key().isBlank())
            .forEach(k -> keys.put(k.name(), k.key()));
        return keys;
    }

    public record Methodology(String username, String password) {
    }

    /** A configured user and the roles it has. */
    public record UserEntry(String username, String password, List<String> roles) {

        public UserEntry {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * Bearer tokens from an identity provider: its issuer (and key set), the audience a
     * token must be for, and the claims naming the user and roles. A deployment with
     * tokens but no audience, or a key set but no issuer, does not start: it would accept
     * tokens issued for any service, or by anyone the key set's owner signs for.
     */
    public record Oidc(String issuerUri, String jwkSetUri, String rolesClaim, String usernameClaim, String audience) {

        public Oidc {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
            usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
            boolean issuer = issuerUri != null && !issuerUri.isBlank();
            boolean keys = jwkSetUri != null && !jwkSetUri.isBlank();
            if (keys && !issuer) {
                throw new IllegalArgumentException("access.oidc.issuer-uri is required with access.oidc.jwk-set-uri:"
                        + " bearer tokens are accepted only from the issuer named there");
            }
            if (issuer && (audience == null || audience.isBlank())) {
                throw new IllegalArgumentException("access.oidc.audience is required with OpenID Connect: the"
                        + " audience (aud) this service's tokens are issued for, so that a token for another"
                        + " service is refused");
            }
        }

        public boolean isOn() {
            return issuerUri != null && !issuerUri.isBlank() || jwkSetUri != null && !jwkSetUri.isBlank();
        }
    }

    public boolean hasMethodologyUser() {
        return methodology != null && methodology.username() != null && !methodology.username().isBlank()
                && methodology.password() != null && !methodology.password().isBlank();
    }

    public boolean requiresApiKey() {
        return !allApiKeys().isEmpty();
    }

    public boolean oidcOn() {
        return oidc != null && oidc.isOn();
    }

    /** Every configured user with a password, the legacy methodology user included. */
    public List<UserEntry> allUsers() {
        List<UserEntry> all = new ArrayList<>();
        if (hasMethodologyUser()) {
            all.add(new UserEntry(methodology.username(), methodology.password(), List.of(Roles.METHODOLOGY)));
        }
        users.stream()
            .filter(u -> u.username() != null && !u.username().isBlank() && u.password() != null)
            .forEach(all::add);
        return all;
    }

    /**
     * A role as configured ({@code methodology-editor}) as Spring Security names it
     * ({@code METHODOLOGY_EDITOR}).
     */
    public static String authority(String role) {
        return role.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
