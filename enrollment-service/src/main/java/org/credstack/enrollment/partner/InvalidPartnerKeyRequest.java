package org.credstack.enrollment.partner;

import org.credstack.enrollment.problem.DomainException;

/** A key's request field breaks a rule (400 naming it). */
class InvalidPartnerKeyRequest extends DomainException {

    InvalidPartnerKeyRequest(String field, String message) {
        super(Reason.INVALID, field, message);
    }
}
