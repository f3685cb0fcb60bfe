package org.credstack.badge;

import org.credstack.badge.issuer.IssuerNotFoundException;
import org.credstack.badge.issuing.CredentialNotFoundException;
import org.credstack.badge.verification.UnverifiableRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one mapping of errors to RFC 9457 {@code application/problem+json} answers for the badge service; its own
 * problems carry a {@code type} {@code urn:credstack:problem:<name>}.
 * Spring MVC's own errors (unreadable body, unknown path, wrong method) come through the base class.
 *
 * <ul>
 *   <li>404 {@code Credential not found}, {@code Issuer not found}
 *   <li>400 {@code Not a credential}: the body to verify is not a JSON object ({@code detail} says why)
 * </ul>
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    @ExceptionHandler(CredentialNotFoundException.class)
    ProblemDetail credentialNotFound(CredentialNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "credential-not-found", "Credential not found", e.getMessage());
    }

    @ExceptionHandler(IssuerNotFoundException.class)
    ProblemDetail issuerNotFound(IssuerNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "issuer-not-found", "Issuer not found", e.getMessage());
    }

    @ExceptionHandler(UnverifiableRequestException.class)
    ProblemDetail unverifiable(UnverifiableRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "not-a-credential", "Not a credential", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String name, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(java.net.URI.create("urn:credstack:problem:" + name));
        problem.setTitle(title);
        return problem;
    }
}
