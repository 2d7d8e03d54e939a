package uk.inspection.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may do what. Management operations (reloading a rule set, listing its versions)
 * need the {@code methodology} role: {@code access.methodology.username} and
 * {@code access.methodology.password} (with an encoding prefix such as {@code {bcrypt}}
 * or {@code {noop}}); without them nobody has the role. Evaluation is open unless
 * {@code access.api-key} is set, when it needs the header {@code X-Api-Key}.
 */
@ConfigurationProperties("access")
public record AccessProperties(Methodology methodology, String apiKey) {

    public record Methodology(String username, String password) {
    }

    public boolean hasMethodologyUser() {
        return methodology != null && methodology.username() != null && !methodology.username().isBlank()
                && methodology.password() != null && !methodology.password().isBlank();
    }

    public boolean requiresApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }
}
