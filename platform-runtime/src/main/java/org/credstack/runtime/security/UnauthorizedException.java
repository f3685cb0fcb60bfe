package org.credstack.runtime.security;

import org.credstack.runtime.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No authenticated caller where {@link Access} needs one (a check on a path the service declared public): 401
 * {@code urn:credstack:problem:unauthorized} with {@code WWW-Authenticate: Bearer}, as the filter chain answers.
 */
public class UnauthorizedException extends ErrorResponseException {

    static final String NAME = "unauthorized";
    static final String TITLE = "Unauthorized";

    /** @param detail what is missing, e.g. "a bearer access token is required" */
    public UnauthorizedException(String detail) {
        super(HttpStatus.UNAUTHORIZED, Problems.problem(HttpStatus.UNAUTHORIZED, NAME, TITLE, detail), null);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
