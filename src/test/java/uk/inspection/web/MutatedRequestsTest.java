package uk.inspection.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.regression.Fixture;
import uk.inspection.support.ApiClient;

/**
 * A client can never cause a 500: every fixture's request, mutated at random (a field
 * dropped, nulled, or given a value of another type or an absurd one), is answered 2xx or
 * 4xx, and every 4xx is a problem document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MutatedRequestsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @LocalServerPort
    int port;

    @Test
    void mutatedRequestsNeverCauseA500() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        Random random = new Random(500);
        int sent = 0;
        for (Fixture fixture : Fixture.under(Path.of("fixtures"))) {
            for (Fixture.Check check : fixture.checks().values()) {
                for (int i = 0; i < 4; i++) {
                    JsonNode mutated = check.request().deepCopy();
                    mutate(mutated, random);
                    ApiClient.Reply reply = api.post(check.path(), mutated);
                    sent++;
                    assertThat(reply.status()).as("%s %s answered %s", check.path(), mutated, reply.text())
                        .isLessThan(500);
                    if (reply.status() >= 400) {
                        assertThat(reply.contentType()).startsWith("application/problem+json");
                    }
                }
            }
        }
        assertThat(sent).isGreaterThan(1000);
    }

    /** Changes one node somewhere in the tree. */
    private static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(4) == 0) {
                object.remove(name);
            }
            else {
                object.set(name, oddValue(random));
            }
        }
        else if (target instanceof ArrayNode array && array.size() > 0) {
            array.set(random.nextInt(array.size()), oddValue(random));
        }
        else if (target instanceof ObjectNode object) {
            object.set("2.1.1", oddValue(random));
        }
    }

    private static JsonNode oddValue(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(-1);
            case 2 -> NODES.numberNode(Integer.MAX_VALUE);
            case 3 -> NODES.numberNode(1e308);
            case 4 -> NODES.numberNode(0.5);
            case 5 -> NODES.textNode("");
            case 6 -> NODES.textNode("GOOD");
            case 7 -> NODES.textNode("2025-02-30");
            case 8 -> NODES.booleanNode(true);
            case 9 -> NODES.arrayNode().add(NODES.nullNode());
            case 10 -> NODES.objectNode().put("yes", 3).put("cases", 2);
            default -> NODES.objectNode();
        };
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                collect(it.next(), containers);
            }
        }
    }

}
