package uk.inspection.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import uk.inspection.regression.ExpectedMatcher;
import uk.inspection.regression.Fixture;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ServiceTest;

/**
 * Every fixture under fixtures/, through a real server on a random port, over the shipped
 * rules. The body of every fixture that fails is written to
 * {@code target/fixture-responses/} beside its name, so the failure can be diffed against
 * the expected decision.
 */
@ServiceTest
class FixturesTest {

    private static final Path FIXTURES = Path.of("fixtures");

    private static final Path RESPONSES = Path.of("target/fixture-responses");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @LocalServerPort
    int port;

    static Stream<Arguments> checks() throws IOException {
        return Fixture.under(FIXTURES)
            .stream()
            .flatMap(f -> f.checks()
                .values()
                .stream()
                .map(c -> Arguments.of(f.name() + " [" + c.framework() + "]", f, c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void decisionMatchesTheMethodology(String name, Fixture fixture, Fixture.Check check) throws Exception {
        ApiClient.Reply reply = ApiClient.onPort(port).post(check.path(), check.request());

        JsonNode body = reply.body();
        List<String> differences = ExpectedMatcher.differences(check.expectedBody(), body);
        if (reply.status() != check.expectedStatus() || !differences.isEmpty()) {
            keep(fixture, check, body);
        }
        assertThat(reply.status()).as("status; body %s", body).isEqualTo(check.expectedStatus());
        assertThat(differences).as(fixture.description()).isEmpty();
    }

    private static void keep(Fixture fixture, Fixture.Check check, JsonNode body) throws IOException {
        Path file = RESPONSES.resolve(fixture.name().replace(".json", "") + "." + check.framework() + ".actual.json");
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), body);
    }

}
