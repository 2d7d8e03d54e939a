package uk.inspection.problem;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The two scalars Jackson is lenient about whatever its settings: a number, where it
 * takes "NaN" and "Infinity" as strings and 1e400 as infinity; and a date, where it takes
 * an array of numbers, an empty array as null, and a date-time. Here a number is a finite
 * JSON number and a date an ISO date string. An instant is a string too, with {@code Z}
 * or an offset: Jackson reads a number as seconds since 1970, so a client's milliseconds
 * would be an instant some 56,000 years on. And text is text: a string with NUL or
 * another control character (but tab and line breaks) or half a surrogate pair cannot be
 * written to the journal as it was read nor stored by PostgreSQL, so it is refused rather
 * than answered and recorded as something else.
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
        module.addDeserializer(Instant.class, new IsoInstant());
        module.addDeserializer(String.class, new PlainText());
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

    private static final class PlainText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            String why = text == null ? null : unwritable(text);
            if (why != null) {
                throw new RefusedValue(parser, why, String.class);
            }
            return text;
        }

        private static String unwritable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    return String.format("contains the control character U+%04X at position %d", (int) c, i + 1);
                }
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    i++;
                }
                else if (Character.isSurrogate(c)) {
                    return String.format("contains half a surrogate pair (U+%04X) at position %d", (int) c, i + 1);
                }
            }
            return null;
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

    private static final class IsoInstant extends JsonDeserializer<Instant> {

        private static final String SHAPE = "\"2026-04-01T09:00:00Z\", or with an offset";

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(parser, "wrong type: expected an instant, " + SHAPE, Instant.class);
            }
            try {
                return OffsetDateTime.parse(parser.getText()).toInstant();
            }
            catch (DateTimeException e) {
                throw new RefusedValue(parser, "'" + parser.getText() + "' is not an instant: " + SHAPE, Instant.class);
            }
        }

    }

}
