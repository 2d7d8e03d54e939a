package uk.inspection.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.problem.Failure;
import uk.inspection.problem.FailureException;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.JsonProblems;
import uk.inspection.problem.ProblemType;
import uk.inspection.problem.Problems;
import uk.inspection.ruleset.RuleSetBuilds;

/**
 * Turns every failure into an {@code application/problem+json} answer through
 * {@link Problems}. Problems with the request name the field; nothing a client sends gets
 * a 500.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Only they refuse a build as busy, so they say when to try again. */
    private final ObjectProvider<RuleSetBuilds> builds;

    ProblemAdvice(ObjectProvider<RuleSetBuilds> builds) {
        this.builds = builds;
    }

    @ExceptionHandler(FailureException.class)
    ResponseEntity<Object> failure(FailureException e, HttpServletRequest request) {
        if (e.failure().type() == ProblemType.RULE_SET_DEFECT) {
            log.error("Rule set defect on {}: {}", request.getRequestURI(), e.failure().detail());
        }
        ResponseEntity<Object> answer = answer(e.failure(), request.getRequestURI());
        return e.failure().type() != ProblemType.BUILDS_BUSY ? answer
                : ResponseEntity.status(answer.getStatusCode())
                    .headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(builds.getObject().retryAfter().toSeconds()))
                    .body(answer.getBody());
    }

    /** See {@link MultipartFailures}; the console answers with a page of its own. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, HttpServletRequest request) {
        return MultipartFailures.of(e)
            .map(failure -> answer(failure, request.getRequestURI()))
            .orElseGet(() -> unexpected(e, request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {}", request.getRequestURI(), e);
        return answer(new Failure(ProblemType.INTERNAL_ERROR, "an unexpected error; it has been logged", List.of()),
                request.getRequestURI());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(Failure.malformed(JsonProblems.of(e.getCause())), path(request));
    }

    /**
     * Spring MVC's own answers (404, 405, 406, 415, ...) get the catalogue's type and the
     * request's path.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail spring) {
            ProblemDetail problem = Problems.of(ProblemType.forStatus(status.value()), spring.getDetail(),
                    path(request));
            return new ResponseEntity<>(problem, answer.getHeaders(), answer.getStatusCode());
        }
        return answer;
    }

    /**
     * A request parameter Spring cannot read as its type, such as a file part sent where
     * a form field ({@code message}, {@code head}, {@code reason}) is expected: the
     * client's mistake, named, not a 500 quoting a Spring class.
     */
    @Override
    protected ResponseEntity<Object> handleConversionNotSupported(ConversionNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MethodArgumentConversionNotSupportedException argument) {
            String field = argument.getName();
            return answer(new Failure(ProblemType.MALFORMED_REQUEST, "'" + field + "' must be a form field, not a file",
                    List.of(new FieldProblem(field, "must be a form field, not a file"))), path(request));
        }
        return super.handleConversionNotSupported(e, headers, status, request);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
    }

    private static ResponseEntity<Object> answer(Failure failure, String path) {
        return ResponseEntity.status(failure.type().status())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(Problems.of(failure, path));
    }

}
