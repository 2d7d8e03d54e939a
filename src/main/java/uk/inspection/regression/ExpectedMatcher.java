package uk.inspection.regression;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares a response with a fixture's expected body, as fixtures/README.md describes:
 * objects match on the keys the fixture names, arrays have the same length and match
 * element by element in any order, numbers by value, and an expected null matches null or
 * absent.
 */
public final class ExpectedMatcher {

    private static final double TOLERANCE = 1e-9;

    private ExpectedMatcher() {
    }

    /**
     * Every difference, as {@code path: expected X, got Y}; empty when the response
     * matches.
     */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare("$", expected, actual, differences);
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected == null || expected.isMissingNode()) {
            return;
        }
        if (expected.isNull()) {
            if (actual != null && !actual.isNull() && !actual.isMissingNode()) {
                out.add(path + ": expected null, got " + actual);
            }
            return;
        }
        if (actual == null || actual.isMissingNode() || actual.isNull()) {
            out.add(path + ": expected " + expected + ", got nothing");
        }
        else if (expected.isObject()) {
            compareObjects(path, expected, actual, out);
        }
        else if (expected.isArray()) {
            compareArrays(path, expected, actual, out);
        }
        else if (expected.isNumber() && actual.isNumber()) {
            if (Math.abs(expected.asDouble() - actual.asDouble()) > TOLERANCE) {
                out.add(path + ": expected " + expected + ", got " + actual);
            }
        }
        else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + ", got " + actual);
        }
    }

    private static void compareObjects(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (!actual.isObject()) {
            out.add(path + ": expected an object, got " + actual);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), out);
        }
    }

    private static void compareArrays(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (!actual.isArray() || actual.size() != expected.size()) {
            out.add(path + ": expected " + expected + ", got " + actual);
            return;
        }
        List<JsonNode> unmatched = new ArrayList<>();
        actual.forEach(unmatched::add);
        for (JsonNode element : expected) {
            JsonNode match = unmatched.stream()
                .filter(candidate -> differences(element, candidate).isEmpty())
                .findFirst()
                .orElse(null);
            if (match == null) {
                out.add(path + ": expected an element " + element + " in " + actual);
                return;
            }
            unmatched.remove(match);
        }
    }

}
