package uk.inspection.ratings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.Manifest.KeyQuestion;
import uk.inspection.ruleset.Manifest.Standard;

/**
 * The standards and key questions one inspection rates, from the manifest and the
 * inspection type.
 */
record InspectionScope(Manifest manifest, String inspectionType, List<Standard> standards,
        Map<String, Standard> standardOfKeyQuestion) {

    static InspectionScope of(Manifest manifest, String inspectionType) {
        boolean typeKnown = manifest.inspectionTypes().isEmpty() || manifest.inspectionType(inspectionType).isPresent();
        // With an unknown type, check the rest of the request against every standard so
        // all problems show at once.
        List<Standard> standards = typeKnown ? manifest.standardsFor(inspectionType) : manifest.standards();
        Map<String, Standard> owners = new LinkedHashMap<>();
        standards.forEach(standard -> standard.keyQuestions().forEach(q -> owners.put(q.code(), standard)));
        return new InspectionScope(manifest, inspectionType, standards, owners);
    }

    Optional<Standard> standard(String code) {
        return standards.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    Optional<KeyQuestion> keyQuestion(String code) {
        Standard owner = standardOfKeyQuestion.get(code);
        return owner == null ? Optional.empty()
                : owner.keyQuestions().stream().filter(q -> q.code().equals(code)).findFirst();
    }

    /**
     * Why a standard or key question code is not accepted here: the framework retired it
     * (in its own words), another inspection type rates it, or no such code.
     */
    String notInScope(String code, String what) {
        Optional<String> retired = manifest.retiredKeyQuestion(code);
        if (retired.isPresent()) {
            return retired.get();
        }
        boolean declared = manifest.standard(code).isPresent() || declaredAnywhere(code);
        return declared ? code + " is not rated in an " + inspectionType + " inspection"
                : "unknown " + what + " '" + code + "'";
    }

    private boolean declaredAnywhere(String keyQuestionCode) {
        return manifest.standards()
            .stream()
            .flatMap(s -> s.keyQuestions().stream())
            .anyMatch(q -> q.code().equals(keyQuestionCode));
    }

    List<String> scaleCodes() {
        return manifest.ratingScale().stream().map(Manifest.ScaleStep::code).toList();
    }
}
