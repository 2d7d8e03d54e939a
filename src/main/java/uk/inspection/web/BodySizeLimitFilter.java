package uk.inspection.web;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import uk.inspection.problem.ProblemType;

/**
 * Refuses request bodies over the limit (1 MiB by default; uploads of rule files, which
 * are multipart, {@code spring.servlet.multipart.max-request-size}) with 413: at once
 * when the declared length is too large, and while reading when a chunked body grows past
 * it.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;

    private final long uploadLimit;

    private final ProblemWriter problems;

    BodySizeLimitFilter(@Value("${http.max-body-size:1MB}") DataSize limit,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploadLimit, ProblemWriter problems) {
        this.limit = limit.toBytes();
        this.uploadLimit = uploadLimit.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Files uploaded for a draft are multipart, within the upload limit; every JSON
        // body within the smaller one.
        String type = request.getContentType();
        long limit = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/") ? uploadLimit
                : this.limit;
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, ProblemType.PAYLOAD_TOO_LARGE,
                    "the request body is larger than " + limit + " bytes");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;

        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }

    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;

        private final long limit;

        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

    }

}
