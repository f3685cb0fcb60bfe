package org.credstack.enrollment.enrollment;

import org.credstack.enrollment.problem.DomainException;

/** No such enrollment for this learner (or provider). */
class EnrollmentNotFound extends DomainException {

    EnrollmentNotFound(String enrollmentId) {
        super(Reason.NOT_FOUND, "enrollmentId", "no enrollment " + enrollmentId + " here");
    }
}
