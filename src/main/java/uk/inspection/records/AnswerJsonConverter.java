package uk.inspection.records;

import java.io.IOException;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Sends a decision's answer as the bytes already written ({@link AnswerJson}) instead of
 * serialising the response again. Spring Boot puts a converter bean before its own.
 */
@Component
class AnswerJsonConverter extends AbstractHttpMessageConverter<AnswerJson<?>> {

    AnswerJsonConverter() {
        super(MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return AnswerJson.class == type;
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected AnswerJson<?> readInternal(Class<? extends AnswerJson<?>> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("an answer is only ever written", input);
    }

    @Override
    protected Long getContentLength(AnswerJson<?> answer, MediaType contentType) {
        return (long) answer.json().length;
    }

    @Override
    protected void writeInternal(AnswerJson<?> answer, HttpOutputMessage output) throws IOException {
        output.getBody().write(answer.json());
    }

}
