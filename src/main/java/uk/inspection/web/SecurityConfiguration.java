package uk.inspection.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

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

import uk.inspection.problem.ProblemType;

/**
 * Management operations need the {@code methodology} role (HTTP Basic, credentials from
 * configuration, none built in); evaluation is open, or needs {@code X-Api-Key} when one
 * is set. The API is stateless JSON with no cookies, so there is no session and no CSRF
 * token.
 */
@Configuration
class SecurityConfiguration {

    static final String METHODOLOGY = "METHODOLOGY";

    private static final String API_KEY_HEADER = "X-Api-Key";

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessProperties access, ProblemWriter problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(Customizer.withDefaults())
            .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/frameworks/*/versions")
                .hasRole(METHODOLOGY)
                .requestMatchers(HttpMethod.POST, "/api/v1/frameworks/*/reload")
                .hasRole(METHODOLOGY)
                .anyRequest()
                .permitAll())
            .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"inspection-ratings\"");
                problems.write(request, response, ProblemType.UNAUTHORIZED,
                        "this operation needs the methodology role (HTTP Basic)");
            })
                .accessDeniedHandler((request, response, e) -> problems.write(request, response, ProblemType.FORBIDDEN,
                        "this operation needs the methodology role")));
        if (access.requiresApiKey()) {
            http.addFilterBefore(new ApiKeyFilter(access.apiKey(), problems), BasicAuthenticationFilter.class);
        }
        return http.build();
    }

    @Bean
    UserDetailsService users(AccessProperties access, PasswordEncoder encoder) {
        if (!access.hasMethodologyUser()) {
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(User.withUsername(access.methodology().username())
            .password(access.methodology().password())
            .roles(METHODOLOGY)
            .build());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Evaluation requests must carry the configured key. */
    private static final class ApiKeyFilter extends OncePerRequestFilter {

        private final byte[] key;

        private final ProblemWriter problems;

        ApiKeyFilter(String key, ProblemWriter problems) {
            this.key = key.getBytes(StandardCharsets.UTF_8);
            this.problems = problems;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI();
            return !(path.matches("/api/v1/frameworks/[^/]+/ratings") || path.startsWith("/api/v1/oversight/")
                    || path.startsWith("/api/v1/probation/"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String given = request.getHeader(API_KEY_HEADER);
            if (given == null || !MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
                problems.write(request, response, ProblemType.UNAUTHORIZED,
                        "this deployment needs the header " + API_KEY_HEADER + " with its API key");
                return;
            }
            chain.doFilter(request, response);
        }

    }

}
