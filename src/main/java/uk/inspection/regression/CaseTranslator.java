package uk.inspection.regression;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.TranslationTable;

/**
 * Re-expresses a request in another framework's terms, by a translation table from the
 * target rule set: per-case answers by its key question rows, and the ratings of judged
 * standards it declares the same in both. Consolidated counts cannot say which case
 * answered what, so they are refused; a case left with no answer at all is left out. A
 * standard the table declares without counterpart gets no evidence here: the comparison
 * explores it.
 */
final class CaseTranslator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseTranslator() {
    }

    static ObjectNode translate(TranslationTable table, Manifest target, JsonNode source) {
        if (source.path("keyQuestions").size() > 0 || source.path("cases").isEmpty()) {
            throw new IllegalArgumentException(
                    "only per-case answers can be translated by " + table.file() + "; this input has "
                            + (source.path("cases").isEmpty() ? "no cases" : "consolidated keyQuestions"));
        }
        ObjectNode translated = JSON.createObjectNode();
        if (source.has("service")) {
            translated.set("service", source.get("service"));
        }
        table.settings().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Inspection type")) {
                translated.put("inspectionType", value);
            }
        });
        for (JsonNode inspected : source.get("cases")) {
            ObjectNode answers = JSON.createObjectNode();
            for (TranslationTable.Row row : table.rows()) {
                answer(row.alternatives(), inspected.path("answers")).ifPresent(a -> answers.put(row.keyQuestion(), a));
            }
            if (!answers.isEmpty()) {
                ObjectNode translatedCase = translated.withArray("cases").addObject();
                if (inspected.has("id")) {
                    translatedCase.set("id", inspected.get("id"));
                }
                translatedCase.set("answers", answers);
            }
        }
        table.equivalents().forEach((standard, counterpart) -> {
            JsonNode rating = source.path("ratings").path(counterpart);
            boolean judged = target.standard(standard).map(Manifest.Standard::isJudgement).orElse(false);
            if (judged && rating.isTextual()) {
                translated.with("ratings").set(standard, rating);
            }
        });
        return translated;
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
