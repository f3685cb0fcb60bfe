package org.credstack.enrollment.partner;

import org.credstack.enrollment.problem.DomainException;

/** No key of that id belongs to the provider in the path (404 naming {@code keyId}). */
class PartnerKeyNotFound extends DomainException {

    PartnerKeyNotFound(String keyId) {
        super(Reason.NOT_FOUND, "keyId", "the provider has no partner key " + keyId);
    }
}
