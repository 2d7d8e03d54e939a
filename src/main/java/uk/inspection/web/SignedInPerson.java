package uk.inspection.web;

import java.security.Principal;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import uk.inspection.people.Person;
import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;

/**
 * The person signed in, given to a controller that takes a {@link Person}: a bearer
 * token's person is its {@code sub}, whatever name the token gives; a configured user's
 * is their name ({@link Person#named}). The controllers that record steps stay free of
 * the security classes that tell the two apart.
 */
@Configuration
class SignedInPerson implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Person.class;
    }

    @Override
    public Person resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new Failure(ProblemType.UNAUTHORIZED, "sign in to take this step", null).exception();
        }
        return of(principal);
    }

    static Person of(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            return new Person(token.getName(), "oidc:" + token.getToken().getSubject());
        }
        return Person.named(principal.getName());
    }

}
