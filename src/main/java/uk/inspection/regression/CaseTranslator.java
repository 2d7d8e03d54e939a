package uk.inspection.regression;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.ruleset.TranslationTable;

/**
 * Re-expresses a request's per-case answers in another framework's key questions, by a
 * translation table from the target rule set. Only per-case answers translate:
 * consolidated counts cannot say which case answered what, so they are refused.
 */
final class CaseTranslator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseTranslator() {
    }

    static ObjectNode translate(TranslationTable table, JsonNode source) {
        if (source.path("keyQuestions").size() > 0 || source.path("cases").isEmpty()) {
            throw new IllegalArgumentException(
                    "only per-case answers can be translated by " + table.file() + "; this input has "
                            + (source.path("cases").isEmpty() ? "no cases" : "consolidated keyQuestions"));
        }
        ObjectNode target = JSON.createObjectNode();
        if (source.has("service")) {
            target.set("service", source.get("service"));
        }
        table.settings().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Inspection type")) {
                target.put("inspectionType", value);
            }
        });
        for (JsonNode inspected : source.get("cases")) {
            ObjectNode translated = target.withArray("cases").addObject();
            if (inspected.has("id")) {
                translated.set("id", inspected.get("id"));
            }
            ObjectNode answers = translated.putObject("answers");
            for (TranslationTable.Row row : table.rows()) {
                answer(row.alternatives(), inspected.path("answers")).ifPresent(a -> answers.put(row.keyQuestion(), a));
            }
        }
        return target;
    }

    /**
     * The first alternative the case answered every part of: yes when every part is yes.
     */
    private static Optional<Boolean> answer(List<List<String>> alternatives, JsonNode answers) {
        for (List<String> alternative : alternatives) {
            if (alternative.stream().allMatch(answers::has)) {
                return Optional.of(alternative.stream().allMatch(code -> answers.get(code).asBoolean()));
            }
        }
        return Optional.empty();
    }

}
