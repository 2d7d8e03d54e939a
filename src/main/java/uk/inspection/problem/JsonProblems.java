package uk.inspection.problem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says which field of a JSON body could not be read, and why, in the API's own field
 * names and words: never a library's class, feature or setting.
 */
public final class JsonProblems {

    /** Jackson's words for content after the body, with FAIL_ON_TRAILING_TOKENS. */
    private static final String TRAILING = "Trailing token";

    /** A token Jackson quotes in a parse error: {@code Unrecognized token 'xyz'}. */
    private static final Pattern QUOTED_TOKEN = Pattern.compile("token '([^']*)'");

    private JsonProblems() {
    }

    /**
     * The field and message for a body Jackson could not read; {@code cause} is what the
     * reader threw.
     */
    public static FieldProblem of(Throwable cause) {
        // A token the parser cannot read, met while binding, arrives wrapped in the
        // binding's exception: it is still malformed JSON.
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof JsonParseException parse) {
            cause = parse;
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(field(unknown), "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (cause instanceof StreamConstraintsException) {
            return new FieldProblem("body",
                    "the JSON is nested too deeply, or holds a number or string too long," + " for this service");
        }
        if (cause instanceof JsonParseException parse) {
            return new FieldProblem("body", "malformed JSON" + at(parse.getLocation()) + ": " + reason(parse));
        }
        if (cause instanceof StrictScalars.RefusedValue refused) {
            return new FieldProblem(field(refused), refused.getOriginalMessage());
        }
        if (cause instanceof MismatchedInputException mismatch) {
            if (mismatch.getOriginalMessage().startsWith(TRAILING)) {
                return new FieldProblem("body",
                        "malformed JSON" + at(mismatch.getLocation()) + ": something follows the end of the body");
            }
            String expected = mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
            return new FieldProblem(field(mismatch), "wrong type: expected " + expected);
        }
        if (cause instanceof JsonMappingException mapping) {
            return new FieldProblem(field(mapping), "cannot be read as docs/api.md describes this field");
        }
        return new FieldProblem("body", "the body must be a JSON object as described in the API documentation");
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * What is wrong, without Jackson's advice on its own settings: a non-standard token
     * such as NaN is named, anything else told by the first clause of Jackson's message.
     */
    private static String reason(JsonParseException parse) {
        String message = parse.getOriginalMessage();
        Matcher token = QUOTED_TOKEN.matcher(message);
        if (message.startsWith("Non-standard token") && token.find()) {
            return "'" + token.group(1) + "' is not a JSON value; numbers must be finite";
        }
        if (message.startsWith("Unrecognized token") && token.find()) {
            return "'" + token.group(1) + "' is not a JSON value";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the body ends before the JSON does";
        }
        int clause = message.indexOf(" (");
        String first = clause > 0 ? message.substring(0, clause) : message;
        return first.contains("`") ? "not valid JSON" : first;
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
                "a number", Boolean.class, "true or false", String.class, "a string", LocalDate.class,
                "a date, \"YYYY-MM-DD\"");
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return names.getOrDefault(type, "another type");
    }

}
