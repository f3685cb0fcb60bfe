package org.credstack.enrollment.enrollment;

import org.credstack.enrollment.problem.DomainException;

/** The credential is not open for enrollment (retired, or not published). */
class CredentialNotOpen extends DomainException {

    CredentialNotOpen(String credentialId, String status) {
        super(
                Reason.CONFLICT,
                "credentialId",
                "credential " + credentialId + " is " + status + ", not open for enrollment");
    }
}
