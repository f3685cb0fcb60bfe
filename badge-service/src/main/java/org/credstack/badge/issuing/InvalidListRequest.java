package org.credstack.badge.issuing;

import org.credstack.runtime.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A list's query parameter cannot be used: 400 {@code invalid-request} naming it, answered by the platform's problem
 * advice like any {@link org.springframework.web.ErrorResponse}.
 */
class InvalidListRequest extends ErrorResponseException {

    /** @param parameter the query parameter, e.g. {@code size}; @param message what it must be */
    InvalidListRequest(String parameter, String message) {
        super(HttpStatus.BAD_REQUEST, Problems.invalidRequest(parameter, message), null);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
