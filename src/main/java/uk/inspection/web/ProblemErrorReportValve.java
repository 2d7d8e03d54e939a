package uk.inspection.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.problem.ProblemType;
import uk.inspection.problem.Problems;
import uk.inspection.problem.StrictJson;

/**
 * Tomcat answers some requests itself, before Spring sees them (an encoded slash or a NUL
 * in the path, for example). This valve makes those answers problem details too, instead
 * of HTML pages.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = StrictJson.mapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            ProblemType type = ProblemType.forStatus(status);
            String detail = "the server could not accept this request as sent";
            if (status == 501) {
                // Tomcat's answer to a transfer coding it does not implement (gzip, say):
                // the client's to change.
                type = ProblemType.MALFORMED_REQUEST;
                detail = "the request's Transfer-Encoding is not supported: send the body with Content-Length, or"
                        + " chunked";
                response.setStatus(type.status().value());
            }
            byte[] body = JSON.writeValueAsBytes(Problems.of(type, detail, null));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(body, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException e) {
            // the client has gone or the response is committed; nothing more can be said
        }
    }

}
