package org.credstack.enrollment.enrollment;

import org.credstack.enrollment.problem.DomainException;

/** The enrollment is withdrawn (or completed, for a withdrawal) and takes no such change. */
class EnrollmentNotActive extends DomainException {

    EnrollmentNotActive(String enrollmentId, Status status) {
        super(Reason.CONFLICT, "enrollmentId", "enrollment " + enrollmentId + " is " + status);
    }
}
