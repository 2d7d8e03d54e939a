package uk.inspection.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
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

    static List<Fixture> fixtures() throws IOException {
        return Fixture.under(FIXTURES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decisionMatchesTheMethodology(Fixture fixture) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:" + port + "/api/v1/frameworks/" + fixture.framework() + "/ratings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fixture.request())))
                .build(), HttpResponse.BodyHandlers.ofString());

        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).as("status; body %s", body).isEqualTo(fixture.expectedStatus());
        assertThat(ExpectedMatcher.differences(fixture.expectedBody(), body)).as(fixture.description()).isEmpty();
    }
}
