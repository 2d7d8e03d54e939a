package uk.inspection.web;

import java.util.List;
import java.util.Optional;

import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.springframework.web.multipart.MultipartException;

import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;

/**
 * A multipart body the container would not read, as the client's mistake it is: too many
 * parts (Tomcat's {@code server.tomcat.max-part-count}) 413, a body it cannot parse 400.
 * Too large a file or request is Spring's own 413.
 */
public final class MultipartFailures {

    private MultipartFailures() {
    }

    /**
     * The failure to answer with; empty when the cause is the server's, not the body's.
     */
    public static Optional<Failure> of(MultipartException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FileCountLimitExceededException tooMany) {
                return Optional.of(new Failure(ProblemType.PAYLOAD_TOO_LARGE,
                        "the request has more than " + tooMany.getLimit() + " parts: upload fewer files at once",
                        List.of()));
            }
            if (cause instanceof FileUploadException) {
                return Optional.of(new Failure(ProblemType.MALFORMED_REQUEST,
                        "the multipart body cannot be read: send the files as multipart/form-data parts", List.of()));
            }
        }
        return Optional.empty();
    }

}
