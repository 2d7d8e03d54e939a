package uk.inspection.web;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.ruleset.RuleSetDefectException;

/**
 * Turns every failure into an {@code application/problem+json} answer from the {@link ProblemType}
 * catalogue. Problems with the request name the field; nothing a client sends gets a 500.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidFactsException.class)
    ResponseEntity<Object> invalidFacts(InvalidFactsException e, HttpServletRequest request) {
        return answer(ProblemType.INVALID_FACTS, e.getMessage(), request.getRequestURI(), e.problems());
    }

    @ExceptionHandler(UnknownFrameworkException.class)
    ResponseEntity<Object> unknownFramework(UnknownFrameworkException e, HttpServletRequest request) {
        return answer(ProblemType.UNKNOWN_FRAMEWORK, e.getMessage(), request.getRequestURI(), null);
    }

    @ExceptionHandler(RuleSetUnavailableException.class)
    ResponseEntity<Object> unavailable(RuleSetUnavailableException e, HttpServletRequest request) {
        return answer(ProblemType.RULE_SET_UNAVAILABLE, e.getMessage(), request.getRequestURI(), null);
    }

    @ExceptionHandler(VersionGoneException.class)
    ResponseEntity<Object> gone(VersionGoneException e, HttpServletRequest request) {
        return answer(ProblemType.VERSION_GONE, e.getMessage(), request.getRequestURI(), null);
    }

    @ExceptionHandler(RuleSetDefectException.class)
    ResponseEntity<Object> defect(RuleSetDefectException e, HttpServletRequest request) {
        log.error("Rule set defect on {}: {}", request.getRequestURI(), e.getMessage(), e);
        return answer(ProblemType.RULE_SET_DEFECT, e.getMessage(), request.getRequestURI(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {}", request.getRequestURI(), e);
        return answer(ProblemType.INTERNAL_ERROR, "an unexpected error; it has been logged", request.getRequestURI(), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String path = path(request);
        if (causedBy(e, PayloadTooLargeException.class)) {
            return answer(ProblemType.PAYLOAD_TOO_LARGE, "the request body is too large", path, null);
        }
        FieldProblem problem = JsonProblems.of(e.getCause());
        return answer(ProblemType.MALFORMED_REQUEST, problem.message(), path, List.of(problem));
    }

    /** Spring MVC's own answers (404, 405, 406, 415, ...) get the catalogue's type and the request's path. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            ProblemType type = ProblemType.forStatus(status.value());
            problem.setType(type.type());
            problem.setTitle(type.title());
            problem.setInstance(URI.create(path(request)));
        }
        return answer;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
    }

    private static ResponseEntity<Object> answer(ProblemType type, String detail, String path, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemWriter.problem(type, detail, path);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
