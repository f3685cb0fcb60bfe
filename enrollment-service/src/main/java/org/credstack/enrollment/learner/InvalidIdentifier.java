package org.credstack.enrollment.learner;

import org.credstack.enrollment.problem.DomainException;

/** A learner's name, email or account breaks its rule. */
class InvalidIdentifier extends DomainException {

    InvalidIdentifier(String field, String message) {
        super(Reason.INVALID, field, message);
    }
}
