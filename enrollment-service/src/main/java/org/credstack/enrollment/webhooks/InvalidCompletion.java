package org.credstack.enrollment.webhooks;

import org.credstack.enrollment.problem.DomainException;

/** 400 {@code invalid-completion}: the event's data is not a usable completion; the error names the data field. */
class InvalidCompletion extends DomainException {

    /** @param field e.g. {@code data.activityId} */
    InvalidCompletion(String field, String message) {
        super(Reason.INVALID, field, message);
    }
}
