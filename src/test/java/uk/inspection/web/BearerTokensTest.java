package uk.inspection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Bearer tokens as an identity provider issues them, signed with a real key served from a
 * real key-set address: only the configured issuer's tokens for this service's audience
 * are accepted, a person is their {@code sub} whatever name the token gives them, and a
 * deployment that names no audience does not start.
 */
class BearerTokensTest {

    private static final String ISSUER = "https://login.example/realms/inspection";

    private static final String AUDIENCE = "inspection-ratings";

    private static RSAKey key;

    private static HttpServer keys;

    private static RunningService service;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        keys = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        keys.createContext("/keys", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(keySet);
            }
        });
        keys.start();
        service = RunningService.onStore(temp.resolve("data"),
                RulesHomeCopy.of(temp.resolve("home"), "yj-2024").withFixtures(),
                oidc("--access.oidc.audience=" + AUDIENCE));
    }

    @AfterAll
    static void stop() {
        service.close();
        keys.stop(0);
    }

    private static String[] oidc(String... more) {
        List<String> settings = new java.util.ArrayList<>(
                List.of("--access.oidc.jwk-set-uri=http://localhost:" + keys.getAddress().getPort() + "/keys",
                        "--access.oidc.issuer-uri=" + ISSUER));
        settings.addAll(List.of(more));
        return settings.toArray(String[]::new);
    }

    @Test
    void onlyTheIssuersTokensForThisAudienceAreAccepted() throws Exception {
        String drafts = "/api/v1/frameworks/yj-2024/drafts";
        Reply right = service.get(drafts, bearer(token("u-1", "alex", ISSUER, AUDIENCE, Roles.APPROVER)));
        Reply otherAudience = service.get(drafts,
                bearer(token("u-1", "alex", ISSUER, "another-service", Roles.APPROVER)));
        Reply otherIssuer = service.get(drafts,
                bearer(token("u-1", "alex", "https://login.elsewhere.example", AUDIENCE, Roles.APPROVER)));

        assertThat(right.status()).as(right.text()).isEqualTo(200);
        assertThat(otherAudience.status()).as(otherAudience.text()).isEqualTo(401);
        assertThat(otherIssuer.status()).as(otherIssuer.text()).isEqualTo(401);
    }

    @Test
    void aPersonIsTheirSubjectWhateverNameTheTokenGives() throws Exception {
        String triggers = Files.readString(Path.of("rules/yj-2024/triggers.drl")) + "\n// by Erin\n";
        Reply created = service.api()
            .upload("/api/v1/frameworks/yj-2024/drafts",
                    List.of(new FilePart("files", "triggers.drl", triggers.getBytes())), Map.of(),
                    bearer(token("u-erin", "Erin.Smith", ISSUER, AUDIENCE, Roles.EDITOR)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String approve = "/api/v1/drafts/" + created.body().at("/draft/id").asText() + "/approve";
        Map<String, String> body = Map.of("head", created.body().at("/draft/head").asText());

        // Refused for who she is, before what she names.
        String herself = token("u-erin", "erin.smith", ISSUER, AUDIENCE, Roles.APPROVER);
        for (Object approval : List.of(Map.of("message", "Agreed"), body)) {
            Reply byHerself = service.api().post(approve, approval, bearer(herself));
            assertThat(byHerself.status()).as(byHerself.text()).isEqualTo(403);
            assertThat(byHerself.body().at("/detail").asText()).contains("erin.smith created");
        }

        // Someone else with the same display name is another person.
        Reply byAnother = service.api()
            .post(approve, body, bearer(token("u-other", "Erin.Smith", ISSUER, AUDIENCE, Roles.APPROVER)));
        assertThat(byAnother.status()).as(byAnother.text()).isEqualTo(200);
    }

    @Test
    void withoutAnAudienceTheServiceDoesNotStart(@TempDir Path elsewhere) throws Exception {
        assertThatThrownBy(() -> RunningService.onStore(elsewhere, oidc()).close())
            .hasStackTraceContaining("access.oidc.audience");
        // A start that fails leaves no build behind writing into its data folder (the
        // rule sets' first builds began before the failure): what is there when the
        // failure is reported stays as it is.
        Map<Path, Long> atFailure = filesAndSizes(elsewhere);
        Thread.sleep(3_000);
        Map<Path, Long> later = filesAndSizes(elsewhere);
        assertThat(later.entrySet()).as("files written or changed after the failure")
            .filteredOn(file -> !file.getValue().equals(atFailure.get(file.getKey())))
            .isEmpty();
    }

    private static Map<Path, Long> filesAndSizes(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                .collect(java.util.stream.Collectors.toMap(file -> file, file -> file.toFile().length()));
        }
    }

    private static String[] bearer(String token) {
        return new String[] { "Authorization", "Bearer " + token };
    }

    private static String token(String subject, String name, String issuer, String audience, String role)
            throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
            .issuer(issuer)
            .audience(audience)
            .claim("preferred_username", name)
            .claim("roles", List.of(role))
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
            .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

}
