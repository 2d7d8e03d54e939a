package uk.inspection.console;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.inspection.web.MultipartFailures;

/**
 * A console form whose upload the container would not read (too many files, say) gets the
 * console's refusal page, not the API's problem document. It is resolved before any
 * controller is chosen (the body is read first), so a controller advice of the console's
 * would not see it; every other request is left to the API's answers.
 */
@Component
class ConsoleUploadErrors implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!(e instanceof MultipartException multipart) || !request.getRequestURI().startsWith("/console/")) {
            return null;
        }
        return MultipartFailures.of(multipart)
            .map(failure -> new ModelAndView("console/refused", Map.of("failure", failure, "back", "/console"),
                    failure.type().status()))
            .orElse(null);
    }

    /** Before the controller advice that answers the API. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

}
