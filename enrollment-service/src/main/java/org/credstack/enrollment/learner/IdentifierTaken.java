package org.credstack.enrollment.learner;

import org.credstack.enrollment.problem.DomainException;

/** An email or account already identifies another learner; identifiers are unique. */
class IdentifierTaken extends DomainException {

    IdentifierTaken(String field, String value) {
        super(Reason.CONFLICT, field, value + " already identifies another learner");
    }
}
