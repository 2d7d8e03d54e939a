package uk.inspection.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.inspection.problem.ProblemType;
import uk.inspection.records.Clients;

/**
 * Protected by default, matched on the path Spring routes on (decoded, as the controllers
 * see it, so {@code /%72atings} is {@code /ratings}), whatever the method. Management
 * routes need a methodology role: {@code methodology-editor} to change drafts,
 * {@code methodology-approver} to approve or reject them (and cancel a scheduled
 * version), {@code methodology} to reload; any of the three reads versions, history,
 * drafts, shadows and the rule files, published or drafted (the methodology team's
 * working material: a client's decisions name the rules and rows behind them, and it
 * needs no more). Users sign in with HTTP Basic (credentials from configuration, none
 * built in) or, with OpenID Connect configured, a bearer token. The frameworks listing
 * and the store's status are public; every other {@code /api/**} route needs an API key
 * ({@code X-Api-Key}) when keys are configured. The actuator's health probes are public
 * (their details need a methodology role); its other endpoints (info, metrics,
 * prometheus) need one. Every refusal, from a wrong password to the firewall's, is a
 * problem document. The API is stateless JSON with no cookies, so there is no session and
 * no CSRF token; a browser's credentials are kept from pages elsewhere by
 * {@link SameOriginWrites}.
 */
@Configuration
class SecurityConfiguration {

    private static final String CLIENT = "API_CLIENT";

    private static final String API_KEY_HEADER = "X-Api-Key";

    /** The methods the firewall lets through; any other (TRACE, FOO) is refused 405. */
    private static final java.util.Set<String> STANDARD_METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT",
            "DELETE", "OPTIONS", "PATCH");

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private static final RequestMatcher RELOAD = PATHS.matcher("/api/v1/frameworks/*/reload");

    private static final RequestMatcher EDITING = any(PATHS.matcher(HttpMethod.POST, "/api/v1/frameworks/*/drafts"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/frameworks/*/rollbacks"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/drafts/*/files"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/drafts/*/withdraw"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/drafts/*/rebase"));

    private static final RequestMatcher APPROVING = any(PATHS.matcher(HttpMethod.POST, "/api/v1/drafts/*/approve"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/drafts/*/reject"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/frameworks/*/versions/*/cancel"));

    private static final RequestMatcher READING = any(PATHS.matcher("/api/v1/frameworks/*/versions"),
            PATHS.matcher("/api/v1/frameworks/*/history"), PATHS.matcher("/api/v1/frameworks/*/drafts"),
            PATHS.matcher("/api/v1/frameworks/*/files"), PATHS.matcher("/api/v1/frameworks/*/files.zip"),
            PATHS.matcher("/api/v1/frameworks/*/files/**"), PATHS.matcher("/api/v1/drafts/**"),
            PATHS.matcher("/api/v1/frameworks/*/shadow"), PATHS.matcher("/actuator/**"));

    /** Probes for load balancers and orchestrators: open (their details need a role). */
    private static final RequestMatcher HEALTH = any(PATHS.matcher(HttpMethod.GET, "/actuator/health"),
            PATHS.matcher(HttpMethod.GET, "/actuator/health/**"));

    private static final RequestMatcher MANAGEMENT = any(RELOAD, EDITING, APPROVING, READING);

    private static final RequestMatcher PUBLIC = any(PATHS.matcher(HttpMethod.GET, "/api/v1/frameworks"),
            PATHS.matcher(HttpMethod.GET, "/api/v1/frameworks/*"), PATHS.matcher(HttpMethod.GET, "/api/v1/store"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/store/refresh"));

    private static final RequestMatcher RECORDS = PATHS.matcher("/api/v1/decisions/**");

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessProperties access, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (MANAGEMENT.matches(request) || RECORDS.matches(request) && !access.requiresApiKey()) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"inspection-ratings\"");
                problems.write(request, response, ProblemType.UNAUTHORIZED,
                        "this operation needs a methodology role: sign in (HTTP Basic or a bearer token)");
            }
            else {
                problems.write(request, response, ProblemType.UNAUTHORIZED,
                        "this deployment needs the header " + API_KEY_HEADER + " with an API key it knows");
            }
        };
        String[] methodology = { role(Roles.METHODOLOGY), role(Roles.EDITOR), role(Roles.APPROVER) };
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
            .authorizeHttpRequests(requests -> {
                // An async dispatch only follows a request that passed here (the body
                // reader's); an error dispatch renders the problem for one that failed.
                requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                requests.requestMatchers(RELOAD).hasRole(role(Roles.METHODOLOGY));
                requests.requestMatchers(EDITING).hasRole(role(Roles.EDITOR));
                requests.requestMatchers(APPROVING).hasRole(role(Roles.APPROVER));
                requests.requestMatchers(HEALTH).permitAll();
                requests.requestMatchers(READING).hasAnyRole(methodology);
                requests.requestMatchers(PUBLIC).permitAll();
                // Decision records: a methodology role reads all, an API key its own (the
                // controller sees to that).
                requests.requestMatchers(RECORDS).authenticated();
                if (access.requiresApiKey()) {
                    String[] callers = java.util.stream.Stream
                        .concat(java.util.Arrays.stream(methodology), java.util.stream.Stream.of(CLIENT))
                        .toArray(String[]::new);
                    requests.requestMatchers(PATHS.matcher("/api/**")).hasAnyRole(callers);
                }
                requests.anyRequest().permitAll();
            })
            .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
                .accessDeniedHandler((request, response, e) -> problems.write(request, response, ProblemType.FORBIDDEN,
                        "your roles do not allow this operation (" + needed(request) + ")")));
        if (access.oidcOn()) {
            http.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.decoder(BearerTokens.decoder(access.oidc()))
                .jwtAuthenticationConverter(BearerTokens.converter(access.oidc()))));
        }
        http.addFilterBefore(new SameOriginWrites(problems), BasicAuthenticationFilter.class);
        if (access.requiresApiKey()) {
            http.addFilterBefore(new ApiKeyFilter(access.allApiKeys()), BasicAuthenticationFilter.class);
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
        return new InMemoryUserDetailsManager(access.allUsers()
            .stream()
            .map(user -> User.withUsername(user.username())
                .password(user.password())
                .roles(user.roles().stream().map(SecurityConfiguration::role).toArray(String[]::new))
                .build())
            .toList());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** A configured role as Spring Security's role name. */
    static String role(String configured) {
        return AccessProperties.authority(configured);
    }

    /** Which role an operation needs, in words for the 403. */
    private static String needed(HttpServletRequest request) {
        if (APPROVING.matches(request)) {
            return "approving or rejecting needs " + Roles.APPROVER;
        }
        if (RELOAD.matches(request)) {
            return "reloading needs " + Roles.METHODOLOGY;
        }
        if (EDITING.matches(request)) {
            return "changing drafts needs " + Roles.EDITOR;
        }
        if (READING.matches(request)) {
            return HttpMethod.GET.matches(request.getMethod()) ? "reading it needs a methodology role"
                    : "it needs a methodology role";
        }
        return "it is not open to this caller";
    }

    private static RequestMatcher any(RequestMatcher... matchers) {
        return new OrRequestMatcher(matchers);
    }

    /**
     * A request carrying one of the configured keys is an API client, recorded by the
     * key's name; which routes need one is the authorization rules' business, matched on
     * the routed path.
     */
    private static final class ApiKeyFilter extends OncePerRequestFilter {

        private final Map<String, byte[]> keys = new LinkedHashMap<>();

        ApiKeyFilter(Map<String, String> keys) {
            keys.forEach((name, key) -> this.keys.put(name, key.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String given = request.getHeader(API_KEY_HEADER);
            String name = given == null ? null : nameOf(given.getBytes(StandardCharsets.UTF_8));
            if (name != null) {
                request.setAttribute(Clients.API_KEY_NAME, name);
                SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api-client:" + name, null,
                            List.of(new SimpleGrantedAuthority("ROLE_" + CLIENT))));
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
