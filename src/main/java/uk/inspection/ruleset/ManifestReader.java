package uk.inspection.ruleset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import uk.inspection.engine.LoadProblem;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.JsonProblems;

/**
 * Reads a framework's {@code framework.yaml} and checks it is coherent before any rule is
 * compiled.
 */
final class ManifestReader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(new JavaTimeModule())
        .build();

    private ManifestReader() {
    }

    /**
     * The manifest, or the problems that stop it being used (added to {@code problems}).
     */
    static Manifest read(RuleFile file, List<LoadProblem> problems) {
        Manifest manifest;
        try {
            manifest = YAML.readValue(file.content(), Manifest.class);
        }
        catch (ValueInstantiationException e) {
            // A value that checks itself (inForce) refused what the manifest gives, and
            // said why.
            String field = JsonProblems.of(e).field();
            String why = e.getCause() instanceof IllegalArgumentException refused ? refused.getMessage()
                    : "cannot be read as docs/rule-authoring.md describes this field";
            problems.add(new LoadProblem(file.path(), line(e), null, field + ": " + why));
            return null;
        }
        catch (JsonMappingException e) {
            // In the API's words: Jackson's name the service's classes.
            FieldProblem field = JsonProblems.of(e);
            problems.add(new LoadProblem(file.path(), line(e), null, field.field() + ": " + field.message()));
            return null;
        }
        catch (JsonProcessingException e) {
            problems.add(new LoadProblem(file.path(), line(e), null, "not valid YAML: " + e.getOriginalMessage()));
            return null;
        }
        catch (IOException e) {
            problems.add(LoadProblem.inFile(file.path(), "cannot read the manifest"));
            return null;
        }
        List<String> found = check(manifest);
        found.forEach(message -> problems.add(LoadProblem.inFile(file.path(), message)));
        return found.isEmpty() ? manifest : null;
    }

    private static Integer line(JsonProcessingException e) {
        return e.getLocation() == null ? null : e.getLocation().getLineNr();
    }

    private static List<String> check(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        if (manifest.name() == null || manifest.name().isBlank()) {
            problems.add("name is missing");
        }
        if (manifest.kind().usesRatingScale() && manifest.ratingScale().isEmpty()) {
            problems.add("ratingScale is missing");
        }
        if (manifest.isRatings() && manifest.standards().isEmpty()) {
            problems.add("standards is missing");
        }
        Set<String> codes = new HashSet<>();
        for (Manifest.Standard standard : manifest.standards()) {
            if (!codes.add(standard.code())) {
                problems.add("standard " + standard.code() + " is listed twice");
            }
            if (!Manifest.Standard.CASES.equals(standard.ratedFrom()) && !standard.isJudgement()) {
                problems.add("standard " + standard.code() + ": ratedFrom must be CASES or JUDGEMENT, not "
                        + standard.ratedFrom());
            }
            for (Manifest.KeyQuestion question : standard.keyQuestions()) {
                if (!codes.add(question.code())) {
                    problems.add("key question " + question.code() + " is listed twice");
                }
                if (!Manifest.Standard.CASES.equals(question.answeredBy()) && !question.isJudgement()) {
                    problems.add("key question " + question.code() + ": answeredBy must be CASES or JUDGEMENT");
                }
            }
        }
        for (String retired : manifest.retiredKeyQuestions().keySet()) {
            if (codes.contains(retired)) {
                problems.add("retired key question " + retired + " is still declared by a standard");
            }
        }
        for (Manifest.InspectionType type : manifest.inspectionTypes()) {
            for (String code : type.standards()) {
                if (manifest.standard(code).isEmpty()) {
                    problems.add("inspection type " + type.code() + " names unknown standard " + code);
                }
            }
        }
        return problems;
    }

}
