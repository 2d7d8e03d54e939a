package uk.inspection.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Requests as bytes on a socket, for what an HTTP client library will not send (unknown
 * methods, broken chunking, raw encoded paths): the reply's status line, headers and body
 * as text.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A reply: the status code and the whole response as text. */
    public record Reply(int status, String text) {

        public String body() {
            int start = text.indexOf("\r\n\r\n");
            return start < 0 ? "" : text.substring(start + 4);
        }

        public boolean isProblem() {
            return text.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json");
        }
    }

    /**
     * Sends the request as written (CRLFs included) and reads until the server closes.
     */
    public static Reply send(int port, String request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String text = readAll(socket.getInputStream());
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Reply(status, text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        }
        catch (SocketTimeoutException e) {
            // a kept-alive connection: what arrived is the reply
        }
        return out.toString(StandardCharsets.UTF_8);
    }

}
