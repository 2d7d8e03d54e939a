package uk.inspection.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The catalogue of problems the API answers with: each has a stable type URI, a title and
 * a status.
 */
public enum ProblemType {

    MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
    INVALID_FACTS("invalid-facts", "Invalid facts", HttpStatus.UNPROCESSABLE_ENTITY),
    UNKNOWN_FRAMEWORK("unknown-framework", "Unknown framework", HttpStatus.NOT_FOUND),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    VERSION_GONE("version-gone", "Rule-set version no longer kept", HttpStatus.GONE),
    UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN),
    REQUEST_TIMEOUT("request-timeout", "Request not received in time", HttpStatus.REQUEST_TIMEOUT),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    RULE_SET_UNAVAILABLE("rule-set-unavailable", "Rule set unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    RULE_SET_DEFECT("rule-set-defect", "Rule set defect", HttpStatus.SERVICE_UNAVAILABLE),
    BUILDS_BUSY("builds-busy", "Too many builds waiting", HttpStatus.SERVICE_UNAVAILABLE),
    BUILD_REFUSED("build-refused", "Build refused", HttpStatus.SERVICE_UNAVAILABLE),
    RECORDS_UNAVAILABLE("records-unavailable", "Decision records unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

    private final URI type;

    private final String title;

    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.type = URI.create("urn:inspection-ratings:problem:" + slug);
        this.title = title;
        this.status = status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /**
     * The catalogue entry for a status Spring MVC answered with on its own (405, 406,
     * 415, ...).
     */
    public static ProblemType forStatus(int status) {
        for (ProblemType problem : values()) {
            if (problem.status.value() == status && problem != RULE_SET_DEFECT && problem != UNKNOWN_FRAMEWORK) {
                return problem;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }

}
