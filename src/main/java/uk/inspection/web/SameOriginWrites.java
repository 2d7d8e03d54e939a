package uk.inspection.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.ProblemType;

/**
 * A browser holding Basic credentials sends them with any request a page elsewhere makes
 * it send, and a form or a plain request without a body needs no permission from this
 * service to go. A JSON body does (the browser asks first, and this service grants no
 * other origin), so a state-changing call under {@code /api} either carries JSON or, when
 * it names an {@code Origin}, comes from this service's own. Clients outside a browser
 * send no {@code Origin} and are not concerned; the console's forms have their own CSRF
 * token.
 */
final class SameOriginWrites extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Matched on the path Spring routes on, as the authorization rules are. */
    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    private final ProblemWriter problems;

    SameOriginWrites(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin == null || !WRITES.contains(request.getMethod()) || !API.matches(request) || json(request)
                || sameOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response,
                new Failure(ProblemType.FORBIDDEN,
                        "a request that changes something, sent from another origin (" + origin
                                + "), needs a JSON body (Content-Type: application/json)",
                        List.of(new FieldProblem("Origin", "not this service's origin"))));
    }

    private static boolean json(HttpServletRequest request) {
        try {
            return request.getContentType() != null && MediaType.APPLICATION_JSON
                .equalsTypeAndSubtype(MediaType.parseMediaType(request.getContentType()));
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameOrigin(HttpServletRequest request) {
        try {
            return WebUtils.isSameOrigin(new ServletServerHttpRequest(request));
        }
        catch (IllegalArgumentException e) {
            return false; // an Origin that is no address at all, e.g. "null"
        }
    }

}
