package uk.inspection.web;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Builds problem details from the catalogue, and writes them where no controller is involved (filters). */
@Component
class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    static ProblemDetail problem(ProblemType type, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        return problem;
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(type, detail, request.getRequestURI()));
    }
}
