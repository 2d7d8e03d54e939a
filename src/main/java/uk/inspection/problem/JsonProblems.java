package uk.inspection.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says which field of a JSON body could not be read, and why, in the API's own field
 * names.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /**
     * The field and message for a body Jackson could not read; {@code cause} is what the
     * reader threw.
     */
    public static FieldProblem of(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(field(unknown), "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (cause instanceof StreamConstraintsException limits) {
            return new FieldProblem("body", "the JSON is beyond this service's limits: " + limits.getOriginalMessage());
        }
        if (cause instanceof JsonParseException parse) {
            return new FieldProblem("body", "malformed JSON: " + parse.getOriginalMessage());
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String expected = mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
            return new FieldProblem(field(mismatch), "wrong type: expected " + expected);
        }
        if (cause instanceof JsonMappingException mapping) {
            return new FieldProblem(field(mapping), mapping.getOriginalMessage());
        }
        return new FieldProblem("body", "the body must be a JSON object as described in the API documentation");
    }

    /**
     * The JSON path of a mapping problem as the API names fields:
     * {@code keyQuestions.2.1.1.yes}, {@code cases[0].id}.
     */
    private static String field(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
            else if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String describe(Class<?> type) {
        Map<Class<?>, String> names = Map.of(Integer.class, "a whole number", int.class, "a whole number", Double.class,
                "a number", Boolean.class, "true or false", String.class, "a string");
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return names.getOrDefault(type, type.getSimpleName());
    }

}
