package org.credstack.enrollment.partner;

import org.credstack.enrollment.problem.DomainException;

/** A revoked key cannot be rotated (409 naming {@code keyId}); make a new one. */
class PartnerKeyRevoked extends DomainException {

    PartnerKeyRevoked(String keyId) {
        super(Reason.CONFLICT, "keyId", "partner key " + keyId + " is revoked; create a new key instead");
    }
}
