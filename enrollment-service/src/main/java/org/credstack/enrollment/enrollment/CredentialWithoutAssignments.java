package org.credstack.enrollment.enrollment;

import org.credstack.enrollment.problem.DomainException;

/**
 * The credential names no assignment, so an enrollment in it could only complete with nothing done. The catalog
 * refuses to publish such a micro-credential; this guards against a snapshot that says otherwise.
 */
class CredentialWithoutAssignments extends DomainException {

    CredentialWithoutAssignments(String credentialId) {
        super(
                Reason.CONFLICT,
                "credentialId",
                "credential " + credentialId + " has no assignments: there is nothing to complete, so it is not open "
                        + "for enrollment");
    }
}
