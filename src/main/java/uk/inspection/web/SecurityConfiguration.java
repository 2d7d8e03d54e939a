package uk.inspection.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.inspection.problem.ProblemType;

/**
 * Protected by default, matched on the path Spring routes on (decoded, as the controllers
 * see it, so {@code /%72atings} is {@code /ratings}): management routes need the
 * {@code methodology} role (HTTP Basic, credentials from configuration, none built in)
 * whatever the method; the frameworks listing is public; every other {@code /api/**}
 * route needs {@code X-Api-Key} when one is configured. Every refusal, from a wrong
 * password to the firewall's, is a problem document. The API is stateless JSON with no
 * cookies, so there is no session and no CSRF token.
 */
@Configuration
class SecurityConfiguration {

    static final String METHODOLOGY = "METHODOLOGY";

    private static final String CLIENT = "API_CLIENT";

    private static final String API_KEY_HEADER = "X-Api-Key";

    /** The methods the firewall lets through; any other (TRACE, FOO) is refused 405. */
    private static final java.util.Set<String> STANDARD_METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT",
            "DELETE", "OPTIONS", "PATCH");

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private static final RequestMatcher MANAGEMENT = request -> PATHS.matcher("/api/v1/frameworks/*/versions")
        .matches(request) || PATHS.matcher("/api/v1/frameworks/*/reload").matches(request);

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessProperties access, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (MANAGEMENT.matches(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"inspection-ratings\"");
                problems.write(request, response, ProblemType.UNAUTHORIZED,
                        "this operation needs the methodology role (HTTP Basic)");
            }
            else {
                problems.write(request, response, ProblemType.UNAUTHORIZED,
                        "this deployment needs the header " + API_KEY_HEADER + " with its API key");
            }
        };
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
            .authorizeHttpRequests(requests -> {
                // An async dispatch only follows a request that passed here (the body
                // reader's); an error dispatch renders the problem for one that failed.
                requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                requests.requestMatchers(MANAGEMENT).hasRole(METHODOLOGY);
                requests
                    .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/v1/frameworks"),
                            PATHS.matcher(HttpMethod.GET, "/api/v1/frameworks/*"))
                    .permitAll();
                if (access.requiresApiKey()) {
                    requests.requestMatchers(PATHS.matcher("/api/**")).hasRole(CLIENT);
                }
                requests.anyRequest().permitAll();
            })
            .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
                .accessDeniedHandler((request, response, e) -> problems.write(request, response, ProblemType.FORBIDDEN,
                        MANAGEMENT.matches(request) ? "this operation needs the methodology role"
                                : "this operation is not open to this caller")));
        if (access.requiresApiKey()) {
            http.addFilterBefore(new ApiKeyFilter(access.apiKey()), BasicAuthenticationFilter.class);
        }
        return http.build();
    }

    /**
     * Requests the firewall refuses (an encoded dot or slash, {@code //}, a path
     * parameter) get a problem, not the default error page.
     */
    @Bean
    RequestRejectedHandler requestRejected(ProblemWriter problems) {
        return (request, response, e) -> {
            if (!STANDARD_METHODS.contains(request.getMethod())) {
                problems.write(request, response, ProblemType.METHOD_NOT_ALLOWED,
                        "the method " + request.getMethod() + " is not one this service answers");
            }
            else {
                problems.write(request, response, ProblemType.MALFORMED_REQUEST,
                        "the request's path is not one this service accepts (encoded dots or slashes, empty"
                                + " segments and path parameters are refused)");
            }
        };
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

    /**
     * A request carrying the configured key is an API client; which routes need one is
     * the authorization rules' business, matched on the routed path.
     */
    private static final class ApiKeyFilter extends OncePerRequestFilter {

        private final byte[] key;

        ApiKeyFilter(String key) {
            this.key = key.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String given = request.getHeader(API_KEY_HEADER);
            if (given != null && MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
                SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api-client", null,
                            List.of(new SimpleGrantedAuthority("ROLE_" + CLIENT))));
            }
            chain.doFilter(request, response);
        }

    }

}
