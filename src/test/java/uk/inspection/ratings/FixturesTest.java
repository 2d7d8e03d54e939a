package uk.inspection.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.regression.ExpectedMatcher;
import uk.inspection.regression.Fixture;

/** Every fixture under fixtures/, through a real server on a random port, over the shipped rules. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FixturesTest {

    private static final Path FIXTURES = Path.of("fixtures");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    static Stream<Arguments> checks() throws IOException {
        return Fixture.under(FIXTURES).stream()
                .flatMap(f -> f.checks().values().stream().map(c -> Arguments.of(f.name() + " [" + c.framework() + "]", f, c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void decisionMatchesTheMethodology(String name, Fixture fixture, Fixture.Check check) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:" + port + check.path()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(check.request())))
                .build(), HttpResponse.BodyHandlers.ofString());

        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).as("status; body %s", body).isEqualTo(check.expectedStatus());
        assertThat(ExpectedMatcher.differences(check.expectedBody(), body)).as(fixture.description()).isEmpty();
    }
}
