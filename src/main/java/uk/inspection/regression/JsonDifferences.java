package uk.inspection.regression;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every place two JSON documents differ, as {@code path: recorded → replayed}; empty when
 * they are the same.
 */
final class JsonDifferences {

    private JsonDifferences() {
    }

    static List<String> between(JsonNode recorded, JsonNode replayed) {
        List<String> differences = new ArrayList<>();
        compare("$", recorded, replayed, differences);
        return differences;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a == null || a.isMissingNode() || b == null || b.isMissingNode()) {
            if (!(a == null || a.isMissingNode()) || !(b == null || b.isMissingNode())) {
                out.add(path + ": " + shown(a) + " → " + shown(b));
            }
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> compare(path + "." + name, a.get(name), b.get(name), out));
        }
        else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> left = a.elements();
            Iterator<JsonNode> right = b.elements();
            for (int i = 0; left.hasNext(); i++) {
                compare(path + "[" + i + "]", left.next(), right.next(), out);
            }
        }
        else if (a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) != 0 : !a.equals(b)) {
            out.add(path + ": " + shown(a) + " → " + shown(b));
        }
    }

    private static String shown(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "(none)";
        }
        String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "…";
    }

}
