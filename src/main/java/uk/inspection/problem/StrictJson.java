package uk.inspection.problem;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * How request bodies are read, for the HTTP API and the command line alike: a client
 * learns of its mistake instead of having it guessed away. Unknown fields, duplicate
 * keys, anything after the body, 14.5 for a count, "14" for a number, 123 for a string,
 * "true" for a boolean, "NaN" or 1e400 for a number and anything but an ISO date string
 * for a date are all refused ({@link StrictScalars}).
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static void apply(Jackson2ObjectMapperBuilder builder) {
        builder.featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS,
                SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        builder.postConfigurer(StrictJson::refuseCoercions);
    }

    /** The same mapper as the HTTP API's, for use outside Spring. */
    public static ObjectMapper mapper() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        apply(builder);
        return builder.build();
    }

    /**
     * Jackson turns a number or a boolean into a string even with scalar coercion off,
     * and a string into a boolean or number in places; each is refused here.
     */
    private static void refuseCoercions(ObjectMapper mapper) {
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyArray, CoercionInputShape.EmptyObject }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] { LogicalType.Boolean, LogicalType.Integer, LogicalType.Float }) {
            for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.String,
                    CoercionInputShape.EmptyString, CoercionInputShape.Integer, CoercionInputShape.Boolean,
                    CoercionInputShape.EmptyArray, CoercionInputShape.EmptyObject }) {
                if (!(type == LogicalType.Integer && shape == CoercionInputShape.Integer)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        mapper.registerModule(StrictScalars.module());
    }

}
