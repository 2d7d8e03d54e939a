package uk.inspection.web;

import java.util.List;

import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
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
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.problem.Failure;
import uk.inspection.problem.FailureException;
import uk.inspection.problem.JsonProblems;
import uk.inspection.problem.ProblemType;
import uk.inspection.problem.Problems;

/**
 * Turns every failure into an {@code application/problem+json} answer through
 * {@link Problems}. Problems with the request name the field; nothing a client sends gets
 * a 500.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(FailureException.class)
    ResponseEntity<Object> failure(FailureException e, HttpServletRequest request) {
        if (e.failure().type() == ProblemType.RULE_SET_DEFECT) {
            log.error("Rule set defect on {}: {}", request.getRequestURI(), e.failure().detail());
        }
        return answer(e.failure(), request.getRequestURI());
    }

    /**
     * A multipart body the container would not read: too many parts (Tomcat's
     * {@code server.tomcat.max-part-count}) is 413, a body it cannot parse 400; both the
     * client's to change. Too large a file or request is Spring's own 413.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FileCountLimitExceededException tooMany) {
                return answer(new Failure(ProblemType.PAYLOAD_TOO_LARGE,
                        "the request has more than " + tooMany.getLimit() + " parts: upload fewer files at once",
                        List.of()), request.getRequestURI());
            }
            if (cause instanceof FileUploadException) {
                return answer(new Failure(ProblemType.MALFORMED_REQUEST,
                        "the multipart body cannot be read: send the files as multipart/form-data parts", List.of()),
                        request.getRequestURI());
            }
        }
        return unexpected(e, request);
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

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
    }

    private static ResponseEntity<Object> answer(Failure failure, String path) {
        return ResponseEntity.status(failure.type().status())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(Problems.of(failure, path));
    }

}
