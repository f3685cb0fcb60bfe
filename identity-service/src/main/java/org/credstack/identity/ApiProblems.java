package org.credstack.identity;

import java.util.List;
import org.credstack.identity.account.AccountNotFound;
import org.credstack.identity.account.EmailTaken;
import org.credstack.identity.account.InvalidAccount;
import org.credstack.identity.client.ClientIdTaken;
import org.credstack.runtime.problem.ProblemError;
import org.credstack.runtime.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The identity service's own refusals as RFC 9457 problems: 409 {@code email-taken} (an account has the e-mail; {@code
 * errors} name {@code email}), 409 {@code client-id-taken}, 400 {@code invalid-request} for an account rule the
 * annotations do not express, 404 {@code account-not-found}. The rest is the platform's advice.
 */
@RestControllerAdvice
@Order(Problems.SERVICE_ADVICE_ORDER)
class ApiProblems {

    @ExceptionHandler
    ProblemDetail emailTaken(EmailTaken e) {
        return Problems.problem(
                HttpStatus.CONFLICT,
                "email-taken",
                "E-mail taken",
                e.getMessage(),
                List.of(ProblemError.field("email", "an account has this e-mail")));
    }

    @ExceptionHandler
    ProblemDetail clientIdTaken(ClientIdTaken e) {
        return Problems.problem(HttpStatus.CONFLICT, "client-id-taken", "Client id taken", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidAccount(InvalidAccount e) {
        return Problems.invalidRequest(e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail accountNotFound(AccountNotFound e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "account-not-found", "Account not found", e.getMessage());
    }
}
