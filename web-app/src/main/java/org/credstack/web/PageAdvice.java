package org.credstack.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The app's answers to what goes wrong, as pages: bad input names the field (400) and an unknown path is a 404 page.
 * Anything else keeps its status and gets Spring Boot's error view, {@code templates/error.html}: a plain page without
 * a stack trace ({@code server.error.include-stacktrace: never}).
 */
@ControllerAdvice
class PageAdvice {

    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalidInput(InvalidInput e) {
        return new ModelAndView("bad-input", HttpStatus.BAD_REQUEST)
                .addObject("field", e.field())
                .addObject("message", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(NoResourceFoundException e) {
        return new ModelAndView("not-found", HttpStatus.NOT_FOUND).addObject("what", "page /" + e.getResourcePath());
    }
}
