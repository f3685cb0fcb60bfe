package org.credstack.enrollment.enrollment;

import org.credstack.enrollment.problem.DomainException;

/** Only a renewal without requirements is completed by the learner's attestation. */
class AttestationNotAccepted extends DomainException {

    AttestationNotAccepted(String enrollmentId, int requirements) {
        super(
                Reason.CONFLICT,
                "enrollmentId",
                "enrollment " + enrollmentId + " is not a renewal by attestation: it completes by its " + requirements
                        + " assignment(s)");
    }
}
