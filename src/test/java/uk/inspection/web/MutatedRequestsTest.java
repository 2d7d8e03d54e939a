package uk.inspection.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.regression.Fixture;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ServiceTest;

/**
 * A client can never cause a 500, nor be rated on input that is not valid: every
 * fixture's request, mutated at random (a field dropped, nulled, or given a value of
 * another type or an absurd one), is answered 2xx or 4xx, and every 4xx is a problem
 * document; and every field of the fixtures' requests given a value of the wrong JSON
 * type (a string for a number, "NaN" and "Infinity" for a number, a number for a string,
 * a string for a boolean, an array for an object...), or any request followed by more
 * JSON or garbage, is refused with a 4xx problem, never rated.
 */
@ServiceTest
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

    /**
     * The maps whose keys are codes (key questions, KPIs...): one shape for every key.
     */
    private static final java.util.Set<String> CODE_MAPS = java.util.Set.of("keyQuestions", "judgements", "ratings",
            "panel", "answers", "metrics", "grantConditions");

    /** How many fixtures each field's shape is mutated in. */
    private static final int INSTANCES_PER_SHAPE = 2;

    @Test
    void aWrongTypeAtAnyFieldOrAnythingAfterTheBodyIsRefusedNeverRated() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        java.util.Map<String, Integer> shapes = new java.util.HashMap<>();
        int sent = 0;
        int variant = 0;
        for (Fixture fixture : Fixture.under(Path.of("fixtures"))) {
            for (Fixture.Check check : fixture.checks().values()) {
                String body = check.request().toString();
                String[] trailing = { "xyz", body, "[]", " 1" };
                String after = trailing[variant % trailing.length];
                refused(api.post(check.path(), body + after), check.path(), "the body followed by " + after);
                sent++;
                for (String[] field : fields(check.request(), "", "")) {
                    if (shapes.merge(field[1], 1, Integer::sum) > INSTANCES_PER_SHAPE) {
                        continue;
                    }
                    for (JsonNode wrong : wrongTypes(check.request().at(field[0]), variant++)) {
                        JsonNode mutated = check.request().deepCopy();
                        replace(mutated, field[0], wrong);
                        refused(api.post(check.path(), mutated), check.path(), field[0] + " = " + wrong);
                        sent++;
                    }
                }
            }
        }
        assertThat(shapes).as("field shapes mutated").hasSizeGreaterThan(40);
        assertThat(sent).isGreaterThan(400);
    }

    private static void refused(ApiClient.Reply reply, String path, String what) {
        assertThat(reply.status()).as("%s with %s answered %s", path, what, reply.text()).isBetween(400, 499);
        assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
    }

    /**
     * Every field under a node, as {JSON pointer, shape}: the shape names array elements
     * [] and the keys of code maps *, so each kind of field counts once.
     */
    private static List<String[]> fields(JsonNode node, String pointer, String shape) {
        List<String[]> found = new ArrayList<>();
        if (node.isObject()) {
            boolean codes = CODE_MAPS.contains(shape.substring(shape.lastIndexOf('.') + 1));
            node.fields().forEachRemaining(field -> {
                String childPointer = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                String childShape = shape + "." + (codes ? "*" : field.getKey());
                if (!field.getValue().isNull()) {
                    found.add(new String[] { childPointer, childShape });
                }
                found.addAll(fields(field.getValue(), childPointer, childShape));
            });
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isNull()) {
                    found.add(new String[] { pointer + "/" + i, shape + "[]" });
                }
                found.addAll(fields(node.get(i), pointer + "/" + i, shape + "[]"));
            }
        }
        return found;
    }

    /**
     * Values of another JSON type than the one given: for a number always "NaN" and
     * "Infinity", and one other type in turn.
     */
    private static List<JsonNode> wrongTypes(JsonNode value, int variant) {
        List<JsonNode> others;
        if (value.isNumber()) {
            others = List.of(NODES.textNode("12"), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode());
            return List.of(NODES.textNode("NaN"), NODES.textNode("Infinity"), others.get(variant % others.size()));
        }
        if (value.isTextual()) {
            others = List.of(NODES.numberNode(123), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
                    NODES.numberNode(1.5));
        }
        else if (value.isBoolean()) {
            others = List.of(NODES.textNode("true"), NODES.numberNode(1), NODES.arrayNode(), NODES.objectNode());
        }
        else if (value.isArray()) {
            others = List.of(NODES.objectNode(), NODES.textNode("x"), NODES.numberNode(1), NODES.booleanNode(false));
        }
        else {
            others = List.of(NODES.arrayNode(), NODES.textNode("x"), NODES.numberNode(1), NODES.booleanNode(false));
        }
        return List.of(others.get(variant % others.size()));
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        JsonNode container = parent.isEmpty() ? root : root.at(parent);
        if (container instanceof ObjectNode object) {
            object.set(last, value);
        }
        else {
            ((ArrayNode) container).set(Integer.parseInt(last), value);
        }
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
