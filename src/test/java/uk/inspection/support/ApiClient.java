package uk.inspection.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one HTTP client the tests talk to a running service with: a base address, JSON in
 * and out.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    public ApiClient(String base) {
        this.base = base;
    }

    public static ApiClient onPort(int port) {
        return new ApiClient("http://localhost:" + port);
    }

    /**
     * POST a JSON body (a string as it is, anything else written as JSON); headers as
     * name, value, ...
     */
    public Reply post(String path, Object body, String... headers) {
        return send("POST", path, "application/json", body, headers);
    }

    /**
     * Approve a draft at its head as the approver reads it now (an approval names the
     * head reviewed); headers as name, value, ...
     */
    public Reply approve(String draft, String message, String... headers) {
        String head = get("/api/v1/drafts/" + draft, headers).body().at("/draft/head").asText();
        return post("/api/v1/drafts/" + draft + "/approve", Map.of("message", message, "head", head), headers);
    }

    /**
     * A file part of a multipart upload: the part's name, the file name sent, and the
     * bytes.
     */
    public record FilePart(String name, String filename, byte[] content) {
    }

    /**
     * POST a multipart/form-data body of files and text fields; headers as name, value,
     * ...
     */
    public Reply upload(String path, List<FilePart> files, Map<String, String> fields, String... headers) {
        String boundary = "----inspection-ratings-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        for (FilePart file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name()
                    + "\"; filename=\"" + file.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(file.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = "multipart/form-data; boundary=" + boundary;
        return sendBytes("POST", path, body.toByteArray(), all);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    /** Any method, content type and body (null for none). */
    public Reply send(String method, String path, String contentType, Object body, String... headers) {
        String[] all = headers;
        if (contentType != null) {
            all = Arrays.copyOf(headers, headers.length + 2);
            all[headers.length] = "Content-Type";
            all[headers.length + 1] = contentType;
        }
        return sendBytes(method, path, body == null ? null
                : (body instanceof String text ? text : json(body)).getBytes(StandardCharsets.UTF_8), all);
    }

    private Reply sendBytes(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null), response.headers());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A response: status, content type, Location, the raw bytes and the body as JSON
     * (null node when empty), Retry-After if sent, and every header.
     */
    public record Reply(int status, String contentType, String location, byte[] raw, String retryAfter,
            HttpHeaders headers) {

        /** The first value of a header, or null when it was not sent. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode body() {
            try {
                return raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
            }
            catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text(), e);
            }
        }

        public String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        /** What a failed wait or assertion shows of it. */
        @Override
        public String toString() {
            return status + " " + text();
        }

    }

}
