package uk.inspection.problem;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The two scalars Jackson is lenient about whatever its settings: a number, where it
 * takes "NaN" and "Infinity" as strings and 1e400 as infinity; and a date, where it takes
 * an array of numbers, an empty array as null, and a date-time. Here a number is a finite
 * JSON number and a date an ISO date string.
 */
final class StrictScalars {

    /** uuuu-MM-dd, strictly: 2025-02-30 is not a date. */
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE
        .withResolverStyle(ResolverStyle.STRICT);

    private StrictScalars() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("strict-scalars");
        module.addDeserializer(Double.class, new FiniteNumber());
        module.addDeserializer(LocalDate.class, new IsoDate());
        return module;
    }

    /**
     * A value of the right JSON type that is still not acceptable, in the API's words:
     * {@link JsonProblems} reports its message as it is.
     */
    static final class RefusedValue extends MismatchedInputException {

        RefusedValue(JsonParser parser, String message, Class<?> type) {
            super(parser, message, type);
        }

    }

    private static final class FiniteNumber extends JsonDeserializer<Double> {

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                throw new RefusedValue(parser, "wrong type: expected a number", Double.class);
            }
            double value = parser.getDoubleValue();
            if (!Double.isFinite(value)) {
                throw new RefusedValue(parser, "'" + parser.getText() + "' is too large a number", Double.class);
            }
            return value;
        }

    }

    private static final class IsoDate extends JsonDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(parser, "wrong type: expected a date, \"YYYY-MM-DD\"", LocalDate.class);
            }
            try {
                return LocalDate.parse(parser.getText(), ISO_DATE);
            }
            catch (DateTimeParseException e) {
                throw new RefusedValue(parser, "'" + parser.getText() + "' is not a date: YYYY-MM-DD", LocalDate.class);
            }
        }

    }

}
