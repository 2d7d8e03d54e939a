package uk.inspection.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A console page for something that is not there (a framework, a draft). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ConsoleNotFound extends RuntimeException {

    ConsoleNotFound(String message) {
        super(message);
    }

}
