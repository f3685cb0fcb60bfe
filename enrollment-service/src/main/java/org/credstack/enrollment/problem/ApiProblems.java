package org.credstack.enrollment.problem;

import java.util.List;
import org.credstack.enrollment.xapi.StatementRejected;
import org.credstack.runtime.problem.ProblemError;
import org.credstack.runtime.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The enrollment service's own refusals as RFC 9457 problem details, built by the platform's {@link Problems}:
 * {@code type} {@code urn:credstack:problem:<name>}, {@code title}, {@code status}, {@code detail} and
 * {@code errors} of {@code {field, message}} (a request field, path variable or parameter: {@code emails[1]},
 * {@code credentialId}) or {@code {pointer, message}} (an RFC 6901 pointer into an xAPI body: {@code /1/timestamp}).
 * Spring MVC's and Jackson's errors (unreadable body, wrong types, missing parameters, 404, 405, 415) are the
 * platform's advice, ordered after this one. A client mistake is never a 500.
 */
@RestControllerAdvice
@Order(Problems.SERVICE_ADVICE_ORDER)
class ApiProblems {

    /** {@link DomainException}: 404, 409, 400, 401 or 403 named after its class ({@code CredentialRetired}: {@code credential-retired}). */
    @ExceptionHandler
    ProblemDetail refused(DomainException e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        String name = slug(e);
        return Problems.problem(status, name, title(name), e.getMessage(), List.of(error(e)));
    }

    /** xAPI Communication section 2.1: an invalid statement or batch is answered 400 and nothing is stored. */
    @ExceptionHandler
    ProblemDetail statementRejected(StatementRejected e) {
        List<ProblemError> errors = e.problems().stream()
                .map(p -> ProblemError.pointer(p.pointer(), p.message()))
                .toList();
        return Problems.problem(
                HttpStatus.BAD_REQUEST, "invalid-statement", "Invalid statement", e.getMessage(), errors);
    }

    /**
     * The problem type in words, the same for every occurrence of the type (RFC 9457 section 3.1.3):
     * {@code stack-not-enrollable} reads "Stack not enrollable".
     */
    static String title(String name) {
        String words = name.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A field that starts with {@code /} is a JSON Pointer into an xAPI body; any other a request field. */
    private static ProblemError error(DomainException e) {
        return e.field().startsWith("/")
                ? ProblemError.pointer(e.field(), e.getMessage())
                : ProblemError.field(e.field(), e.getMessage());
    }

    private static String slug(DomainException e) {
        return e.getClass()
                .getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1-$2")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
