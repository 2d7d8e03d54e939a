package uk.inspection.web;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import uk.inspection.problem.ProblemType;
import uk.inspection.problem.Problems;

/**
 * Where the servlet container forwards errors it answers itself (an unknown method, a
 * failed authentication's {@code sendError}, an exception nothing else caught): a problem
 * document, in place of Spring Boot's {@code {"timestamp", ...}} page. Asked for
 * directly, {@code /error} is a path like any other that does not exist: 404.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemType type;
        String detail;
        if (!(status instanceof Integer code)) {
            type = ProblemType.NOT_FOUND;
            detail = "no such path: " + request.getRequestURI();
        }
        else if (code == 501) {
            // Tomcat's answer to a method it does not know: the client's mistake.
            type = ProblemType.METHOD_NOT_ALLOWED;
            detail = "the method " + request.getMethod() + " is not one this service answers";
        }
        else {
            type = ProblemType.forStatus(code);
            detail = code >= 500 ? "an unexpected error; it has been logged"
                    : "the server could not accept this request as sent";
        }
        return ResponseEntity.status(type.status())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(Problems.of(type, detail, path instanceof String uri ? uri : request.getRequestURI()));
    }

}
