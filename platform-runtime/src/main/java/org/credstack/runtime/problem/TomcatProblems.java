package org.credstack.runtime.problem;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query string Tomcat cannot decode ({@code ?q=%}) is the client's mistake: 400 {@code invalid-request} naming
 * {@code query}, not the platform advice's 500. Only where Tomcat is the server; ahead of {@link ProblemAdvice}.
 */
@RestControllerAdvice
@Order(Problems.PLATFORM_ADVICE_ORDER - 1)
class TomcatProblems {

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodableParameters(InvalidParameterException e) {
        return Problems.invalidRequest("query", "the query string is not valid percent-encoded UTF-8");
    }
}
