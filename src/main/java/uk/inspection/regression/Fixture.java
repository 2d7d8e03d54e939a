package uk.inspection.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A fixture file: a request to a framework and the decision the methodology expects (see fixtures/README.md). */
public record Fixture(Path file, String name, String description, String framework, JsonNode request,
        int expectedStatus, JsonNode expectedBody) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Fixture read(Path root, Path file) throws IOException {
        JsonNode node = JSON.readTree(file.toFile());
        JsonNode expected = node.path("expected");
        if (!node.hasNonNull("framework") || !node.has("request") || !expected.has("status")) {
            throw new IOException(file + ": a fixture needs framework, request and expected.status");
        }
        String name = root.relativize(file).toString().replace('\\', '/');
        return new Fixture(file, name, node.path("description").asText(""), node.get("framework").asText(),
                node.get("request"), expected.get("status").asInt(), expected.path("body"));
    }

    /** Every {@code *.json} fixture below a folder, sorted by path (README files are not fixtures). */
    public static List<Fixture> under(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            List<Fixture> fixtures = new java.util.ArrayList<>();
            for (Path file : files) {
                fixtures.add(read(root, file));
            }
            return fixtures;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
