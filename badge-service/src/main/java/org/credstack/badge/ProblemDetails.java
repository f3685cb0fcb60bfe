package org.credstack.badge;

import java.util.List;
import org.credstack.badge.issuer.IssuerNotFoundException;
import org.credstack.badge.issuing.CredentialNotFoundException;
import org.credstack.badge.issuing.InvalidRevocationException;
import org.credstack.badge.stacks.StackAwardNotFoundException;
import org.credstack.badge.status.StatusListNotFoundException;
import org.credstack.badge.verification.UnverifiableRequestException;
import org.credstack.runtime.problem.ProblemError;
import org.credstack.runtime.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The badge service's own problems, built by the platform's {@link Problems} (RFC 9457
 * {@code application/problem+json}, {@code type} {@code urn:credstack:problem:<name>}). Spring MVC's own errors
 * (unreadable body, unknown path, wrong method) are the platform's advice, ordered after this one.
 *
 * <ul>
 *   <li>404 {@code credential-not-found}, {@code issuer-not-found}, {@code status-list-not-found},
 *       {@code stack-award-not-found}
 *   <li>400 {@code invalid-request}: a revocation without a usable {@code reason}
 *   <li>400 {@code not-a-credential}: the body to verify holds no credential (not a JSON object, not a compact
 *       JWS, an image without exactly one baked credential, a damaged PNG, an SVG that is not well-formed); {@code
 *       errors} name it by {@code pointer} ({@code ""} for the whole body)
 * </ul>
 */
@RestControllerAdvice
@Order(Problems.SERVICE_ADVICE_ORDER)
class ProblemDetails {

    @ExceptionHandler(CredentialNotFoundException.class)
    ProblemDetail credentialNotFound(CredentialNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "credential-not-found", "Credential not found", e.getMessage());
    }

    @ExceptionHandler(IssuerNotFoundException.class)
    ProblemDetail issuerNotFound(IssuerNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "issuer-not-found", "Issuer not found", e.getMessage());
    }

    @ExceptionHandler(StatusListNotFoundException.class)
    ProblemDetail statusListNotFound(StatusListNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "status-list-not-found", "Status list not found", e.getMessage());
    }

    @ExceptionHandler(InvalidRevocationException.class)
    ProblemDetail invalidRevocation(InvalidRevocationException e) {
        return Problems.invalidRequest(e.field(), e.getMessage());
    }

    @ExceptionHandler(StackAwardNotFoundException.class)
    ProblemDetail stackAwardNotFound(StackAwardNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "stack-award-not-found", "Stack award not found", e.getMessage());
    }

    @ExceptionHandler(UnverifiableRequestException.class)
    ProblemDetail unverifiable(UnverifiableRequestException e) {
        return Problems.problem(
                HttpStatus.BAD_REQUEST,
                "not-a-credential",
                "Not a credential",
                e.getMessage(),
                List.of(ProblemError.pointer(e.field(), e.getMessage())));
    }
}
