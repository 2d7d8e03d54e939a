package uk.inspection.problem;

import java.net.URI;

import org.springframework.http.ProblemDetail;

/**
 * The one mapping from a failure to an RFC 9457 problem: {@code type} and {@code title}
 * from the catalogue, {@code instance} the request's path, {@code errors} the fields at
 * fault when any. The HTTP API, its filters, Tomcat's own error answers and the command
 * line all answer through it.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(Failure failure, String instance) {
        ProblemDetail problem = of(failure.type(), failure.detail(), instance);
        if (!failure.errors().isEmpty()) {
            problem.setProperty("errors", failure.errors());
        }
        if (failure.totalErrors() != null) {
            problem.setProperty("totalErrors", failure.totalErrors());
        }
        return problem;
    }

    public static ProblemDetail of(ProblemType type, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

}
