package uk.inspection.records;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A decision's answer with the link to its record ({@code Link: </api/v1/decisions/{id}>;
 * rel="decision"}).
 */
final class Recorded {

    private Recorded() {
    }

    static <T> ResponseEntity<T> answer(T body, String decisionId) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (decisionId != null) {
            answer.header(HttpHeaders.LINK,
                    "<" + URI.create("/api/v1/decisions/" + decisionId) + ">; rel=\"decision\"");
        }
        return answer.body(body);
    }

}
