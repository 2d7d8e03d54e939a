package uk.inspection.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ServiceTest;

/**
 * The command line answers a request exactly as the HTTP API does: for every fixture that
 * expects a problem, the body the in-process API gives is byte for byte the body the
 * server sends.
 */
@ServiceTest
class ProblemParityTest {

    @LocalServerPort
    int port;

    @Autowired
    RuleSetRegistry registry;

    @Test
    void problemBodiesAreByteIdenticalOverHttpAndInProcess() throws Exception {
        ApiClient http = ApiClient.onPort(port);
        InProcessApi inProcess = new InProcessApi();
        List<String> compared = new ArrayList<>();
        for (Fixture fixture : Fixture.under(Path.of("fixtures"))) {
            for (Fixture.Check check : fixture.checks().values()) {
                if (check.expectedStatus() < 400 || registry.serving(check.framework()).isEmpty()) {
                    continue;
                }
                ApiClient.Reply overHttp = http.post(check.path(), check.request());
                InProcessApi.Answer local = inProcess.answer(registry.serving(check.framework()).orElseThrow(),
                        check.endpoint(), check.request());

                assertThat(local.status()).as(fixture.name()).isEqualTo(overHttp.status());
                assertThat(new String(inProcess.bytes(local), StandardCharsets.UTF_8)).as(fixture.name())
                    .isEqualTo(overHttp.text());
                compared.add(fixture.name());
            }
        }
        assertThat(compared).hasSizeGreaterThan(20);
    }

}
