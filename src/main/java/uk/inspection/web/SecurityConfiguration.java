package uk.inspection.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.inspection.records.Clients;

import uk.inspection.problem.ProblemType;

/**
 * Management operations need the {@code methodology} role (HTTP Basic, credentials from
 * configuration, none built in); evaluation is open, or needs {@code X-Api-Key} when one
 * is set. The API is stateless JSON with no cookies, so there is no session and no CSRF
 * token.
 */
@Configuration
class SecurityConfiguration {

    private static final String API_KEY_HEADER = "X-Api-Key";

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessProperties access, ProblemWriter problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(Customizer.withDefaults())
            .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/frameworks/*/reload")
                .hasRole(role(Roles.METHODOLOGY))
                .requestMatchers(HttpMethod.POST, "/api/v1/frameworks/*/drafts", "/api/v1/frameworks/*/rollbacks",
                        "/api/v1/drafts/*/files", "/api/v1/drafts/*/withdraw", "/api/v1/drafts/*/rebase")
                .hasRole(role(Roles.EDITOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/drafts/*/approve", "/api/v1/drafts/*/reject")
                .hasRole(role(Roles.APPROVER))
                .requestMatchers("/api/v1/frameworks/*/versions", "/api/v1/frameworks/*/history",
                        "/api/v1/frameworks/*/drafts", "/api/v1/drafts/**", "/api/v1/frameworks/*/shadow")
                .hasAnyRole(role(Roles.METHODOLOGY), role(Roles.EDITOR), role(Roles.APPROVER))
                .anyRequest()
                .permitAll())
            .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"inspection-ratings\"");
                problems.write(request, response, ProblemType.UNAUTHORIZED,
                        "this operation needs a methodology role: sign in (HTTP Basic or a bearer token)");
            })
                .accessDeniedHandler((request, response, e) -> problems.write(request, response, ProblemType.FORBIDDEN,
                        "your roles do not allow this operation (" + needed(request.getRequestURI()) + ")")));
        if (access.oidcOn()) {
            http.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.decoder(BearerTokens.decoder(access.oidc()))
                .jwtAuthenticationConverter(BearerTokens.converter(access.oidc()))));
        }
        if (access.requiresApiKey()) {
            http.addFilterBefore(new ApiKeyFilter(access.allApiKeys(), problems), BasicAuthenticationFilter.class);
        }
        return http.build();
    }

    @Bean
    UserDetailsService users(AccessProperties access, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(access.allUsers()
            .stream()
            .map(user -> User.withUsername(user.username())
                .password(user.password())
                .roles(user.roles().stream().map(SecurityConfiguration::role).toArray(String[]::new))
                .build())
            .toList());
    }

    /** A configured role as Spring Security's role name. */
    static String role(String configured) {
        return AccessProperties.authority(configured);
    }

    /** Which role an operation needs, in words for the 403. */
    private static String needed(String path) {
        if (path.endsWith("/approve") || path.endsWith("/reject")) {
            return "approving or rejecting needs " + Roles.APPROVER;
        }
        if (path.endsWith("/reload")) {
            return "reloading needs " + Roles.METHODOLOGY;
        }
        return "changing drafts needs " + Roles.EDITOR;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Evaluation requests must carry the configured key. */
    /**
     * Client services' API keys: evaluation requests must carry one of them; a request
     * for decision records may, to read its own. The key's name is the client recorded
     * with each decision.
     */
    private static final class ApiKeyFilter extends OncePerRequestFilter {

        private final Map<String, byte[]> keys;

        private final ProblemWriter problems;

        ApiKeyFilter(Map<String, String> keys, ProblemWriter problems) {
            this.keys = new LinkedHashMap<>();
            keys.forEach((name, key) -> this.keys.put(name, key.getBytes(StandardCharsets.UTF_8)));
            this.problems = problems;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !(evaluation(request) || records(request));
        }

        private static boolean evaluation(HttpServletRequest request) {
            String path = request.getRequestURI();
            return path.matches("/api/v1/frameworks/[^/]+/ratings") || path.startsWith("/api/v1/oversight/")
                    || path.startsWith("/api/v1/probation/");
        }

        private static boolean records(HttpServletRequest request) {
            return request.getRequestURI().startsWith("/api/v1/decisions");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String given = request.getHeader(API_KEY_HEADER);
            String name = given == null ? null : nameOf(given.getBytes(StandardCharsets.UTF_8));
            if (name == null && (given != null || evaluation(request))) {
                problems.write(request, response, ProblemType.UNAUTHORIZED,
                        "this deployment needs the header " + API_KEY_HEADER + " with an API key it knows");
                return;
            }
            if (name != null) {
                request.setAttribute(Clients.API_KEY_NAME, name);
            }
            chain.doFilter(request, response);
        }

        /** The name of the key given, comparing with every key in constant time. */
        private String nameOf(byte[] given) {
            String found = null;
            for (Map.Entry<String, byte[]> key : keys.entrySet()) {
                if (MessageDigest.isEqual(key.getValue(), given)) {
                    found = key.getKey();
                }
            }
            return found;
        }

    }

}
