package uk.inspection.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.support.ApiClient;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.ServiceJvm;

/**
 * The service as a process of its own, as an orchestrator runs it: logs as JSON lines
 * when asked, and on SIGTERM a request already being received is still answered before
 * the process ends, and recorded in the database before it does.
 */
class ServiceProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void logsAsJsonAndFinishesARequestInFlightOnSigterm(@TempDir Path temp) throws Exception {
        // yj-2024 alone, the framework rated: the others would only lengthen the start.
        Path home = RulesHomeCopy.of(temp.resolve("home"), "yj-2024").home();
        Path log = temp.resolve("log.txt");
        ServiceJvm jvm = ServiceJvm.startAsShipped(log, "--rules.home=" + home, "--rules.mode=development",
                "--rules.data=" + temp.resolve("data"), "--rules.watch=false",
                "--logging.structured.format.console=ecs", "--spring.main.banner-mode=off");
        Process service = jvm.process();
        int port = jvm.port();
        try {
            jvm.awaitAnswering("/actuator/health/readiness", Duration.ofSeconds(180));
            byte[] body = Files
                .readAllBytes(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/frameworks/yj-2024/ratings HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length
                        + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                Thread.sleep(500); // the request is being read

                service.destroy(); // SIGTERM
                awaitLine(log, "Commencing graceful shutdown", service);
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                String reply = readAll(socket.getInputStream());

                assertThat(reply).startsWith("HTTP/1.1 200");
                assertThat(reply).contains("\"rulesetVersion\":\"sha256:");
            }
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("the process ended").isTrue();
        }
        finally {
            service.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.path("message").isTextual()).as(line).isTrue();
            assertThat(entry.at("/log/level").isTextual()).as(line).isTrue();
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Rule set yj-2024 sha256:"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Graceful shutdown complete"));
        // The importer drained into the database as the service stopped: nothing left for
        // the
        // next start, and the database not closed under it (as H2 was on an interrupt).
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("left in the journal"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("Cannot write decision records"));
        assertThat(recordedDecisions(temp.resolve("data"))).isEqualTo(1);
    }

    private static long recordedDecisions(Path data) throws Exception {
        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + data.resolve("decisions") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
                ResultSet count = db.createStatement().executeQuery("SELECT count(*) FROM decision")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void awaitLine(Path log, String text, Process service) throws Exception {
        Eventually.await(Duration.ofSeconds(30), () -> {
            assertThat(service.isAlive()).as("ended before the request was answered: %s", Files.readString(log))
                .isTrue();
            return Files.readString(log).contains(text);
        });
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

}
