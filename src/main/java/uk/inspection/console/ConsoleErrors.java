package uk.inspection.console;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A console page for what is not there, in the console's look rather than as JSON. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

    @ExceptionHandler(ConsoleNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(ConsoleNotFound e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "console/not-found";
    }

}
