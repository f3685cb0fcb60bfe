package org.credstack.enrollment.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.credstack.enrollment.xapi.StatementRejected;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The one place that turns refusals into RFC 9457 problem details ({@code application/problem+json}). Every problem
 * carries a {@code type} {@code urn:credstack:problem:<name>}, a {@code title}, the {@code status}, a
 * {@code detail} and a {@code field} member naming the offending request field; a rejected xAPI request also lists
 * {@code errors}, each with the RFC 6901 {@code pointer} into the body and its {@code detail}. A client mistake is
 * never a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // ahead of Boot's ProblemDetailsExceptionHandler when problemdetails are enabled
class ApiProblems {

    private static final String TYPES = "urn:credstack:problem:";

    @ExceptionHandler
    ProblemDetail refused(DomainException e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return problem(status, slug(e), e.getMessage(), e.field());
    }

    /** xAPI Communication section 2.1: an invalid statement or batch is answered 400 and nothing is stored. */
    @ExceptionHandler
    ProblemDetail statementRejected(StatementRejected e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-statement",
                e.getMessage(),
                e.problems().getFirst().pointer());
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("pointer", p.pointer(), "detail", p.message()))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof DatabindException d ? field(d.getPath()) : "";
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "the request body is not the expected JSON", field);
    }

    /** The request's own names: {@code emails[0]}, {@code accounts[1].name}; never a Java class. */
    static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    @ExceptionHandler
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "missing-header", e.getMessage(), e.getHeaderName());
    }

    @ExceptionHandler
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "missing-parameter", e.getMessage(), e.getParameterName());
    }

    @ExceptionHandler
    ProblemDetail mistyped(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "the value is not valid here", e.getName());
    }

    static ProblemDetail problem(HttpStatus status, String slug, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + slug));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("field", field);
        return problem;
    }

    /** {@code CredentialRetired} becomes {@code credential-retired}. */
    private static String slug(DomainException e) {
        return e.getClass()
                .getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1-$2")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
