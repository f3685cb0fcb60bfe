package org.credstack.enrollment.enrollment;

import org.credstack.enrollment.problem.DomainException;

/** The catalog never published this credential. */
class CredentialNotFound extends DomainException {

    CredentialNotFound(String credentialId) {
        super(Reason.NOT_FOUND, "credentialId", "the catalog has no credential " + credentialId);
    }
}
