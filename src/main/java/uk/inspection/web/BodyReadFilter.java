package uk.inspection.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import org.apache.catalina.connector.CoyoteInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.inspection.problem.ProblemType;

/**
 * Reads every request body in full before anything handles the request, without holding a
 * worker thread while the client sends it: the body is read as it arrives (non-blocking
 * servlet I/O) and the request is dispatched once it is complete. A client that sends a
 * body slowly costs a connection, not a thread; one that takes longer than
 * {@code http.body-read-timeout} (10 s) is answered 408, and a body over
 * {@code http.max-body-size} (1 MiB) 413, both as problems. It runs after security, so a
 * request refused there never has its body read.
 */
@Component
class BodyReadFilter extends OncePerRequestFilter {

    private static final String BODY = BodyReadFilter.class.getName() + ".body";

    private final long limit;

    private final Duration timeout;

    private final ProblemWriter problems;

    BodyReadFilter(@Value("${http.max-body-size:1MB}") DataSize limit,
            @Value("${http.body-read-timeout:10s}") Duration timeout, ProblemWriter problems) {
        this.limit = limit.toBytes();
        this.timeout = timeout;
        this.problems = problems;
    }

    /** The request is filtered again when it is dispatched with its body. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /**
     * A forward (security's page for a refusal) is not read again: dispatching it with
     * its body would send the original request through the filters once more as an async
     * dispatch, which filters that run once per request (CSRF among them) let by, so a
     * console form refused for its missing token would be signed in on the second pass.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getDispatcherType() == jakarta.servlet.DispatcherType.FORWARD
                || request.getDispatcherType() == jakarta.servlet.DispatcherType.INCLUDE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(BODY) instanceof byte[] body) {
            chain.doFilter(new ReadRequest(request, body), response);
            return;
        }
        if (request.getContentLengthLong() == 0
                || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") == null)
                || isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response);
            return;
        }
        ServletInputStream input = request.getInputStream();
        if (!(input instanceof CoyoteInputStream)) {
            // Not Tomcat's connection (a test's mock request): read it as it is.
            byte[] body = input.readNBytes((int) Math.min(Integer.MAX_VALUE, limit + 1));
            if (body.length > limit) {
                tooLarge(request, response);
                return;
            }
            chain.doFilter(new ReadRequest(request, body), response);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(timeout.toMillis());
        async.addListener(new TimeoutListener(request));
        input.setReadListener(new BodyListener(request, response, input, async));
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, ProblemType.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + limit + " bytes");
    }

    /** Collects the body as it arrives; dispatches the request when it is complete. */
    private final class BodyListener implements ReadListener {

        private final HttpServletRequest request;

        private final HttpServletResponse response;

        private final ServletInputStream input;

        private final AsyncContext async;

        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        private final byte[] buffer = new byte[8192];

        BodyListener(HttpServletRequest request, HttpServletResponse response, ServletInputStream input,
                AsyncContext async) {
            this.request = request;
            this.response = response;
            this.input = input;
            this.async = async;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (input.isReady() && !input.isFinished()) {
                int n = input.read(buffer);
                if (n < 0) {
                    return;
                }
                body.write(buffer, 0, n);
                if (body.size() > limit) {
                    tooLarge(request, response);
                    async.complete();
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (body.size() <= limit) {
                request.setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable error) {
            try {
                problems.write(request, response, ProblemType.MALFORMED_REQUEST,
                        "the request body could not be read as sent (is its chunked encoding broken?)");
            }
            catch (IOException | IllegalStateException e) {
                // the client has gone; nothing more can be said
            }
            async.complete();
        }

    }

    /** A body not complete within the timeout: 408. */
    private final class TimeoutListener implements AsyncListener {

        private final HttpServletRequest request;

        TimeoutListener(HttpServletRequest request) {
            this.request = request;
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            HttpServletResponse response = (HttpServletResponse) event.getAsyncContext().getResponse();
            if (!response.isCommitted()) {
                response.setHeader("Connection", "close");
                problems.write(request, response, ProblemType.REQUEST_TIMEOUT,
                        "the request body did not arrive within " + timeout.toSeconds() + " s");
            }
            event.getAsyncContext().complete();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // nothing to release
        }

        @Override
        public void onError(AsyncEvent event) {
            // the body listener reports read errors
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }

    }

    /**
     * Files uploaded for a draft (multipart, only for a signed-in editor) are left to the
     * servlet container's multipart reader, within {@code spring.servlet.multipart.*}: it
     * reads the parts from the connection itself.
     */
    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

}
