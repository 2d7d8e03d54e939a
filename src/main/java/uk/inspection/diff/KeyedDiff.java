package uk.inspection.diff;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A manifest (YAML) or fixture (JSON) compared by key: every value at its path, lists of
 * objects keyed by their {@code code} when they have one ({@code standards[2.1].name}),
 * so a reordered list is not a change and a renamed standard is.
 */
final class KeyedDiff {

    private static final ObjectMapper YAML = new YAMLMapper();

    private KeyedDiff() {
    }

    static void compare(String path, byte[] before, byte[] after, List<String> lines) throws IOException {
        Map<String, String> old = flatten(YAML.readTree(before));
        Map<String, String> now = flatten(YAML.readTree(after));
        Set<String> keys = new LinkedHashSet<>(old.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            String was = old.get(key);
            String is = now.get(key);
            if (!Objects.equals(was, is)) {
                lines.add(path + ", " + key + ": " + shown(was) + " → " + shown(is));
            }
        }
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat);
            }
        }
        else if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node) {
                String key = element.hasNonNull("code") ? element.get("code").asText() : String.valueOf(i);
                flatten(prefix + "[" + key + "]", element, flat);
                i++;
            }
            if (node.isEmpty()) {
                flat.put(prefix, "[]");
            }
        }
        else {
            flat.put(prefix, node.asText());
        }
    }

    /**
     * A value as a line shows it: long texts (a fixture's working) cut to their start.
     */
    private static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        return value.length() <= 100 ? value : value.substring(0, 97) + "…";
    }

}
