package org.credstack.enrollment.enrollment;

import org.credstack.enrollment.problem.DomainException;

/** A required field is missing or a value breaks its rule. */
class InvalidEnrollmentRequest extends DomainException {

    InvalidEnrollmentRequest(String field, String message) {
        super(Reason.INVALID, field, message);
    }
}
