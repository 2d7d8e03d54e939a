package uk.inspection.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.decision.DecisionKinds;

/**
 * A fixture file (see fixtures/README.md): requests and the decisions the methodology
 * expects, one per framework. Most fixtures hold one framework's request; a
 * cross-framework fixture holds one service's input under each framework.
 */
public record Fixture(Path file, String name, String description, Map<String, Check> checks) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One request to one framework, and the status and (partial) body expected back.
     * {@code endpoint} is null for a ratings request, else the oversight endpoint
     * ({@code assessments} or {@code quarters}) or the probation one
     * ({@code follow-ups}).
     */
    public record Check(String framework, String endpoint, JsonNode request, int expectedStatus,
            JsonNode expectedBody) {

        /** The HTTP path this check's request goes to. */
        public String path() {
            return DecisionKinds.installed()
                .endpoint(endpoint)
                .map(kind -> kind.path(framework))
                .orElse("/api/v1/" + endpoint);
        }
    }

    public Fixture {
        checks = Map.copyOf(new LinkedHashMap<>(checks));
    }

    public static Fixture read(Path root, Path file) throws IOException {
        return read(file, root.relativize(file).toString().replace('\\', '/'), JSON.readTree(file.toFile()));
    }

    /** A fixture file as the rule store holds it: its path and its bytes. */
    public static Fixture read(String path, byte[] content) throws IOException {
        return read(Path.of(path), path, JSON.readTree(content));
    }

    private static Fixture read(Path file, String name, JsonNode node) throws IOException {
        String missing = whatIsMissing(node);
        if (missing != null) {
            throw new IOException(name + ": " + missing);
        }
        Map<String, Check> checks = new LinkedHashMap<>();
        if (node.hasNonNull("framework")) {
            String framework = node.get("framework").asText();
            String endpoint = node.hasNonNull("endpoint") ? node.get("endpoint").asText() : null;
            checks.put(framework, check(framework, endpoint, node.get("request"), node.get("expected")));
        }
        else {
            node.get("inputs")
                .properties()
                .forEach(input -> checks.put(input.getKey(),
                        check(input.getKey(), null, input.getValue(), node.path("expected").get(input.getKey()))));
        }
        return new Fixture(file, name, node.path("description").asText(""), checks);
    }

    /**
     * What a fixture's JSON lacks to be read as one, in words that name no folder (a
     * draft's upload is refused with them); null when it has all it needs.
     */
    public static String whatIsMissing(JsonNode node) {
        if (node.hasNonNull("framework")) {
            return whatIsMissing(node.get("framework").asText(), node.get("request"), node.get("expected"));
        }
        if (!node.path("inputs").isObject() || node.get("inputs").isEmpty()) {
            return "a fixture needs framework and request, or inputs by framework";
        }
        for (Map.Entry<String, JsonNode> input : node.get("inputs").properties()) {
            String missing = whatIsMissing(input.getKey(), input.getValue(), node.path("expected").get(input.getKey()));
            if (missing != null) {
                return missing;
            }
        }
        return null;
    }

    private static String whatIsMissing(String framework, JsonNode request, JsonNode expected) {
        return request == null || expected == null || !expected.has("status")
                ? framework + " needs a request and expected.status" : null;
    }

    private static Check check(String framework, String endpoint, JsonNode request, JsonNode expected) {
        return new Check(framework, endpoint, request, expected.get("status").asInt(), expected.path("body"));
    }

    /** Every {@code *.json} fixture below a folder, sorted by path. */
    public static List<Fixture> under(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Fixture> fixtures = new ArrayList<>();
            for (Path file : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                fixtures.add(read(root, file));
            }
            return fixtures;
        }
    }

    public Optional<JsonNode> input(String framework) {
        return Optional.ofNullable(checks.get(framework)).map(Check::request);
    }

    /** The framework of a single-framework fixture; empty for a cross-framework one. */
    public Optional<String> soleFramework() {
        return checks.size() == 1 ? Optional.of(checks.keySet().iterator().next()) : Optional.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
