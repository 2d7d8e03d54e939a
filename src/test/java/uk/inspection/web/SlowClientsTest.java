package uk.inspection.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ServiceTest;

/**
 * Clients that send a body a byte at a time cost the service a connection each, never a
 * worker thread: with 200 of them trickling (as many as Tomcat has worker threads),
 * normal requests are still answered within a second. (The adversarial test saw 220 such
 * clients block every request for 45 s.)
 */
@ServiceTest
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 200;

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    @LocalServerPort
    int port;

    @Test
    void twoHundredSlowBodiesDoNotStarveOtherRequests() throws Exception {
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        ApiClient api = ApiClient.onPort(port);
        assertThat(api.post(RATE, request).status()).isEqualTo(200);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket("localhost", port);
                socket.getOutputStream()
                    .write(("POST " + RATE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            long worst = 0;
            for (int round = 0; round < 6; round++) {
                for (Socket socket : slow) {
                    OutputStream out = socket.getOutputStream();
                    out.write(' ');
                    out.flush();
                }
                long started = System.nanoTime();
                ApiClient.Reply reply = api.post(RATE, request);
                worst = Math.max(worst, (System.nanoTime() - started) / 1_000_000);
                assertThat(reply.status()).isEqualTo(200);
                Thread.sleep(400);
            }
            assertThat(worst).as("slowest normal request, ms, with %d slow bodies open", SLOW_CLIENTS).isLessThan(1000);
        }
        finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

}
