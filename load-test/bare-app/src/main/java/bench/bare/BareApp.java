package bench.bare;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor: what Spring Boot's web stack costs with nothing of the service on it.
 * {@code GET /ping} is the cheapest JSON answer; {@code POST /echo} reads a JSON body
 * into a Jackson tree and writes it back, so with the service's rating request it does
 * the JSON work a rating cannot avoid.
 */
@SpringBootApplication
@RestController
public class BareApp {

    public static void main(String[] args) {
        SpringApplication.run(BareApp.class, args);
    }

    @GetMapping("/ping")
    Map<String, String> ping() {
        return Map.of("status", "UP");
    }

    @PostMapping("/echo")
    JsonNode echo(@RequestBody JsonNode body) {
        return body;
    }

}
