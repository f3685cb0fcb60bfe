package org.credstack.web.learner;

import org.credstack.web.Fetched;
import org.springframework.http.HttpStatus;

/** A service's refusal of a learner's change, as the page's status and the words shown. */
final class Refusals {

    private Refusals() {}

    /** 400, 403, 404, 409, or 503 when the service did not answer. */
    static HttpStatus status(Fetched<?> answer) {
        return switch (answer.state()) {
            case REJECTED -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case FOUND -> HttpStatus.OK;
        };
    }

    /** The service's reason in words. */
    static String reason(Fetched<?> answer) {
        return switch (answer.state()) {
            case REJECTED, CONFLICT -> answer.detail();
            case FORBIDDEN -> "not allowed (" + answer.detail() + ")";
            case NOT_FOUND -> "it was not found";
            case UNAVAILABLE -> "the service is unavailable right now; nothing was changed, try again in a minute";
            case FOUND -> "";
        };
    }
}
