package org.credstack.notification;

import java.net.URI;
import org.credstack.notification.inbox.NotificationNotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns refusals into RFC 9457 problem details ({@code application/problem+json}). Every
 * problem carries a {@code type} {@code urn:credstack:problem:<name>}, a {@code title}, the
 * {@code status} and a {@code detail}; a client mistake also names the offending request {@code field}. Spring
 * MVC's own errors (unknown path, wrong method, ...) come out as problem details too. A client mistake is never a
 * 500.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final String TYPES = "urn:credstack:problem:";

    @ExceptionHandler
    ProblemDetail notFound(NotificationNotFound e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "notification-not-found", e.getMessage());
        problem.setProperty("notificationId", e.notificationId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail mistyped(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "'" + e.getValue() + "' is not valid here");
        problem.setProperty("field", e.getName());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var result = e.getParameterValidationResults().getFirst();
        String field = result.getMethodParameter().getParameterName();
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-parameter",
                field + " " + result.getResolvableErrors().getFirst().getDefaultMessage());
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + slug));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
