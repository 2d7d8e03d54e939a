package uk.inspection.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.inspection.support.ApiClient;
import uk.inspection.support.RawHttp;
import uk.inspection.support.SecuredServiceTest;

/**
 * The adversarial test's bypasses and bare answers, against a service with an API key and
 * a methodology user: every route is matched as Spring routes it, every method of a
 * management route needs the role, and every answer is a problem document with a 4xx
 * where the client is at fault.
 */
@SecuredServiceTest
class AccessAndErrorsTest {

    private static final String KEY = SecuredServiceTest.KEY;

    private static String request;

    @LocalServerPort
    int port;

    ApiClient service;

    @BeforeAll
    static void read() throws Exception {
        request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
    }

    @BeforeEach
    void client() {
        service = ApiClient.onPort(port);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/frameworks/yj-2024/%72atings", "/api/v1/frameworks/yj-2024/ratin%67s",
            "/api/v1/%66rameworks/yj-2024/ratings", "/%61pi/v1/frameworks/yj-2024/ratings",
            "/api/v1/%6fversight/assessments", "/api/v1/oversight/%71uarters" })
    void anEncodedPathNeedsTheKeyLikeThePlainOne(String path) {
        RawHttp.Reply reply = post(path, request, "");

        assertThat(reply.status()).as(reply.text()).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
        assertThat(post(path, request, "X-Api-Key: " + KEY + "\r\n").status()).isNotEqualTo(401);
    }

    @Test
    void theKeyStillLetsRatingsThroughAndTheListingIsPublic() {
        assertThat(service.post("/api/v1/frameworks/yj-2024/ratings", request, "X-Api-Key", KEY).status())
            .isEqualTo(200);
        assertThat(service.get("/api/v1/frameworks").status()).isEqualTo(200);
        assertThat(service.get("/api/v1/frameworks/yj-2024").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "HEAD", "GET", "OPTIONS", "DELETE", "PUT" })
    void everyMethodOfAManagementRouteNeedsTheRole(String method) {
        RawHttp.Reply reply = RawHttp.send(port, method + " /api/v1/frameworks/yj-2024/versions HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).as(reply.text()).isEqualTo(401);
    }

    @Test
    void anApiKeyIsRefusedAShadowAndToldWhatItNeeds() {
        ApiClient.Reply reading = service.get("/api/v1/frameworks/yj-2024/shadow", "X-Api-Key", KEY);
        ApiClient.Reply setting = service.send("PUT", "/api/v1/frameworks/yj-2024/shadow", "application/json",
                "{\"version\": \"sha256:0\"}", "X-Api-Key", KEY);

        assertThat(reading.status()).isEqualTo(403);
        assertThat(reading.body().at("/detail").asText()).contains("reading it needs a methodology role");
        assertThat(setting.status()).isEqualTo(403);
        assertThat(setting.body().at("/detail").asText()).contains("it needs a methodology role")
            .doesNotContain("reading");
    }

    @Test
    void wrongBasicCredentialsAreAProblem() {
        ApiClient.Reply reply = service.get("/api/v1/frameworks/yj-2024/versions", "Authorization",
                ApiClient.basic("meth", "wrong"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().at("/title").asText()).isEqualTo("Authentication required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/frameworks;jsessionid=abc", "/api/v1//frameworks", "/api/v1/./frameworks",
            "/api/v1/%2e%2e/frameworks", "/api/v1/frameworks/%2e" })
    void pathsTheFirewallRefusesAreProblems(String path) {
        RawHttp.Reply reply = RawHttp.send(port,
                "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).as(reply.text()).isBetween(400, 499);
        assertThat(reply.isProblem()).as(reply.text()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "TRACE", "FOO", "PROPFIND" })
    void traceAndUnknownMethodsAre405Problems(String method) {
        RawHttp.Reply reply = RawHttp.send(port,
                method + " /api/v1/frameworks HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).as(reply.text()).isEqualTo(405);
        assertThat(reply.isProblem()).as(reply.text()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "POST" })
    void theErrorPathAskedForDirectlyIsNotFound(String method) {
        RawHttp.Reply reply = RawHttp.send(port, method + " /error HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        assertThat(reply.isProblem()).as(reply.text()).isTrue();
        assertThat(reply.body()).doesNotContain("999");
    }

    @Test
    void aBrokenChunkSizeIsA400Problem() {
        RawHttp.Reply reply = RawHttp.send(port,
                "POST /api/v1/frameworks/yj-2024/ratings HTTP/1.1\r\n" + "Host: localhost\r\nX-Api-Key: " + KEY
                        + "\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.text()).isTrue();
    }

    @Test
    void anUnsupportedTransferEncodingIsA400Problem() {
        RawHttp.Reply reply = RawHttp.send(port,
                "POST /api/v1/frameworks/yj-2024/ratings HTTP/1.1\r\n" + "Host: localhost\r\nX-Api-Key: " + KEY
                        + "\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n");

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.text()).isTrue();
    }

    @Test
    void aBodyThatNeverFinishesIsAnswered408AtTheBodyTimeout() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream()
                .write(("POST /api/v1/frameworks/yj-2024/ratings HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + KEY
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            String reply = new String(socket.getInputStream().readNBytes(4096),
                    java.nio.charset.StandardCharsets.UTF_8);

            assertThat(reply).startsWith("HTTP/1.1 408").contains("application/problem+json", "request-timeout");
        }
    }

    private RawHttp.Reply post(String path, String body, String headers) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return RawHttp.send(port, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + headers + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body);
    }

}
