package uk.inspection.problem;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * How request bodies are read, for the HTTP API and the command line alike: a client
 * learns of its mistake instead of having it guessed away. Unknown fields, duplicate
 * keys, 14.5 for a count and "14" for a number are all refused.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static void apply(Jackson2ObjectMapperBuilder builder) {
        builder.featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS,
                SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The same mapper as the HTTP API's, for use outside Spring. */
    public static ObjectMapper mapper() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        apply(builder);
        return builder.build();
    }

}
