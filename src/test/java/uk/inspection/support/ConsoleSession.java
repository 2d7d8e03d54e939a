package uk.inspection.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person signed in to the console as a browser would be, without one: the session
 * cookie kept, and each form posted with the CSRF token of the page it came from.
 */
public final class ConsoleSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    private String cookie;

    private ConsoleSession(String base) {
        this.base = base;
    }

    /** Nobody signed in: a browser that has not been to the sign-in form. */
    public static ConsoleSession anonymous(int port) {
        return new ConsoleSession("http://localhost:" + port);
    }

    /** Signed in on the service's sign-in form. */
    public static ConsoleSession signIn(int port, String user, String password) {
        ConsoleSession session = new ConsoleSession("http://localhost:" + port);
        HttpResponse<String> form = session.get("/console/login");
        HttpResponse<String> signedIn = session.post("/console/login", form.body(),
                Map.of("username", user, "password", password));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(user + " could not sign in: " + signedIn.statusCode());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)), HttpResponse.BodyHandlers.ofString());
    }

    /** A download: the body's exact bytes. */
    public HttpResponse<byte[]> bytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A form posted from {@code page} (its CSRF token), with these fields. */
    public HttpResponse<String> post(String path, String page, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", field(page, TOKEN));
        String body = all.entrySet()
            .stream()
            .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
    }

    /** The first group of {@code pattern} in the page. */
    public static String field(String page, Pattern pattern) {
        Matcher found = pattern.matcher(page);
        if (!found.find()) {
            throw new IllegalStateException("no " + pattern + " in the page");
        }
        return found.group(1);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<T> response = http.send(request.build(), body);
            response.headers().firstValue("Set-Cookie").ifPresent(set -> cookie = set.split(";", 2)[0]);
            return response;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
