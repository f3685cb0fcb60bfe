package org.credstack.runtime.security;

import org.credstack.runtime.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The caller is authenticated but may not do this: 403 {@code urn:credstack:problem:forbidden}, answered by the
 * platform's problem advice like any {@link org.springframework.web.ErrorResponse}. The detail names the rule, never
 * the data the caller may not see.
 */
public class ForbiddenException extends ErrorResponseException {

    static final String NAME = "forbidden";
    static final String TITLE = "Forbidden";

    /** @param detail which rule refused, e.g. "only the learner themselves or an operator may act on this learner" */
    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, Problems.problem(HttpStatus.FORBIDDEN, NAME, TITLE, detail), null);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
