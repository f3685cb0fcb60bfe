package org.credstack.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The app's answers to what goes wrong, as pages: bad input names the field (400), an unknown path is a 404 page,
 * and anything else a plain 500 page without a stack trace (logged here with its trace id instead).
 */
@ControllerAdvice
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

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

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        log.error("page failed", e);
        return new ModelAndView("error", HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
