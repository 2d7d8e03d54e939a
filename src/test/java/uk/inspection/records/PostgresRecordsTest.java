package uk.inspection.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Decision records in a real PostgreSQL (started by the test from binaries on Maven
 * Central): recorded and replayed as on H2; and with the database stopped, decisions are
 * still answered, wait in the journal, and every one reaches the database when it is
 * back.
 */
class PostgresRecordsTest {

    @Test
    void decisionsAreRecordedInPostgresAndNoneIsLostWhileItIsDown(@TempDir Path temp) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path pgData = temp.resolve("pg");
        EmbeddedPostgres postgres = start(pgData, port);
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        try (RunningService service = RunningService.onStore(temp.resolve("data"),
                RulesHomeCopy.of(temp.resolve("home"), "yj-2024").withFixtures(), settings(url))) {
            ApiClient api = service.api();
            String first = api.post(DecisionRecordsTest.RATE, request, DecisionRecordsTest.NORTH)
                .body()
                .at("/decisionId")
                .asText();
            DecisionRecordsTest.eventually(() -> api.get("/api/v1/decisions/" + first, DecisionRecordsTest.NORTH));
            assertThat(inDatabase(url, List.of(first))).isEqualTo(1);
            Reply replay = api.post("/api/v1/decisions/" + first + "/replay", "", DecisionRecordsTest.ALEX);
            assertThat(replay.body().at("/identical").asBoolean()).as(replay.text()).isTrue();

            postgres.close();
            Reply unreachable = api.get("/api/v1/decisions/" + first, DecisionRecordsTest.ALEX);
            assertThat(unreachable.status()).as(unreachable.text()).isEqualTo(503);
            assertThat(unreachable.body().at("/type").asText()).endsWith(":records-unavailable");
            List<String> answered = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Reply rated = api.post(DecisionRecordsTest.RATE, request, DecisionRecordsTest.NORTH);
                assertThat(rated.status()).isEqualTo(200);
                answered.add(rated.body().at("/decisionId").asText());
            }

            postgres = start(pgData, port);
            Eventually.poll(Duration.ofSeconds(60), () -> inDatabase(url, answered), count -> count >= answered.size());
            assertThat(inDatabase(url, answered)).as("records that reached PostgreSQL once it was back")
                .isEqualTo(answered.size());
        }
        finally {
            postgres.close();
        }
    }

    static String[] settings(String url) {
        List<String> all = new ArrayList<>(List.of(DecisionRecordsTest.SETTINGS));
        all.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--spring.datasource.hikari.connection-timeout=1000"));
        return all.toArray(String[]::new);
    }

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        Files.createDirectories(data);
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int inDatabase(String url, List<String> ids) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement statement = connection
                    .prepareStatement("SELECT COUNT(*) FROM decision WHERE id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
        catch (Exception e) {
            System.out.println("PostgreSQL not answering yet: " + e.getMessage());
            return 0;
        }
    }

}
