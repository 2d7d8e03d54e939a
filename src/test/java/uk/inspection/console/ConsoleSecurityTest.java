package uk.inspection.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.inspection.support.SecuredServiceTest;

/**
 * The console's sign-in as a browser's requests would meet it, on the real server: the
 * session cookie's flags, a form posted without its CSRF token refused, roles enforced on
 * the console's own forms, and the API neither setting nor reading the console's session.
 */
@SecuredServiceTest
class ConsoleSecurityTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void aSessionCookieWithItsFlagsCsrfOnFormsAndAnApiThatIgnoresTheSession() throws Exception {
        String base = "http://localhost:" + port;
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("console-session=").contains("HttpOnly", "SameSite=Lax", "Path=/console");
        String session = cookie.substring(0, cookie.indexOf(';'));

        // Without the form's token the sign-in is refused, with it accepted.
        assertThat(signIn(base, session, null, "erin", "e").statusCode()).isEqualTo(403);
        assertThat(get(base + "/console", session).headers().firstValue("Location").orElseThrow())
            .endsWith("/console/login");
        HttpResponse<String> signedIn = signIn(base, session, token(form.body()), "erin", "e");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/console");
        // A new session on sign-in: the one before it cannot be fixed by another.
        String erin = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertThat(erin).isNotEqualTo(session);

        HttpResponse<String> page = get(base + "/console/frameworks/yj-2024", erin);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(post(base + "/console/drafts/d-0000000/withdraw", erin, null).statusCode()).isEqualTo(403);
        // An editor may not approve, with the token or without it.
        assertThat(post(base + "/console/drafts/d-0000000/approve", erin, token(page.body())).statusCode())
            .isEqualTo(403);

        // The API does not read the console's session: a methodology route still asks
        // to sign in.
        HttpResponse<String> api = get(base + "/api/v1/frameworks/yj-2024/drafts", erin);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(get(base + "/api/v1/frameworks", null).headers().firstValue("Set-Cookie")).isEmpty();
    }

    private HttpResponse<String> signIn(String base, String session, String token, String user, String password)
            throws Exception {
        String body = "username=" + user + "&password=" + password
                + (token == null ? "" : "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
            .header("Cookie", session)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (session != null) {
            request.header("Cookie", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String session, String token) throws Exception {
        String body = token == null ? "" : "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Cookie", session)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String page) {
        Matcher token = TOKEN.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

}
