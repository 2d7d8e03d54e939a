package uk.inspection.web;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;
import uk.inspection.problem.Problems;

/**
 * Writes a problem where no controller is involved (filters, security), through
 * {@link Problems}.
 */
@Component
class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        write(request, response, new Failure(type, detail, null));
    }

    void write(HttpServletRequest request, HttpServletResponse response, Failure failure) throws IOException {
        response.setStatus(failure.type().status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        json.writeValue(response.getOutputStream(),
                Problems.of(failure, original instanceof String uri ? uri : request.getRequestURI()));
    }

}
