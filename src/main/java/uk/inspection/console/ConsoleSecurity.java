package uk.inspection.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import jakarta.servlet.SessionCookieConfig;

import uk.inspection.web.AccessProperties;
import uk.inspection.web.Roles;

/**
 * The console's own filter chain, ahead of the API's: a person signs in with a form and
 * keeps a session cookie (HttpOnly, SameSite=Lax, Secure when the request came over
 * https, path {@code /console}), every form carries a CSRF token, and signing out ends
 * the session. The users and roles are the API's ({@code access.users}); the API's chain,
 * which matches everything else, stays stateless and never reads this session.
 */
@Configuration
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class ConsoleSecurity {

    /** The console's session cookie; the API never sets or reads it. */
    static final String SESSION_COOKIE = "console-session";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        String editor = AccessProperties.authority(Roles.EDITOR);
        String approver = AccessProperties.authority(Roles.APPROVER);
        String methodology = AccessProperties.authority(Roles.METHODOLOGY);
        http.securityMatcher(PATHS.matcher("/console/**")).authorizeHttpRequests(requests -> {
            requests
                .requestMatchers(PATHS.matcher("/console/assets/**"), PATHS.matcher("/console/login"),
                        PATHS.matcher("/console/forbidden"))
                .permitAll();
            requests
                .requestMatchers(PATHS.matcher(HttpMethod.POST, "/console/drafts/*/approve"),
                        PATHS.matcher(HttpMethod.POST, "/console/drafts/*/reject"),
                        PATHS.matcher("/console/frameworks/*/versions/*/cancel"))
                .hasRole(approver);
            requests
                .requestMatchers(PATHS.matcher(HttpMethod.POST, "/console/frameworks/*/drafts"),
                        PATHS.matcher(HttpMethod.POST, "/console/drafts/*/files"),
                        PATHS.matcher(HttpMethod.POST, "/console/drafts/*/withdraw"))
                .hasRole(editor);
            requests.anyRequest().hasAnyRole(editor, approver, methodology);
        })
            .formLogin(form -> form.loginPage("/console/login")
                .defaultSuccessUrl("/console", false)
                .failureUrl("/console/login?error"))
            .logout(logout -> logout.logoutRequestMatcher(PATHS.matcher(HttpMethod.POST, "/console/logout"))
                .logoutSuccessUrl("/console/login?signed-out")
                .deleteCookies(SESSION_COOKIE))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
            .exceptionHandling(errors -> errors.accessDeniedPage("/console/forbidden"));
        return http.build();
    }

    /**
     * The session cookie's flags. Secure is left to the connection: Tomcat marks the
     * cookie Secure whenever the request is secure, which behind a proxy means
     * {@code server.forward-headers-strategy} is set (docs/configuration.md, "Behind a
     * reverse proxy").
     */
    @Bean
    ServletContextInitializer consoleSessionCookie() {
        return context -> {
            SessionCookieConfig cookie = context.getSessionCookieConfig();
            cookie.setName(SESSION_COOKIE);
            cookie.setHttpOnly(true);
            cookie.setPath("/console");
            cookie.setAttribute("SameSite", "Lax");
        };
    }

}
