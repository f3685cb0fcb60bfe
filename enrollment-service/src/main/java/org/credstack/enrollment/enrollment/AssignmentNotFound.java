package org.credstack.enrollment.enrollment;

import org.credstack.enrollment.problem.DomainException;

/** The enrolled credential version has no such assignment. */
class AssignmentNotFound extends DomainException {

    AssignmentNotFound(String assignmentId) {
        super(Reason.NOT_FOUND, "assignmentId", "the credential has no assignment " + assignmentId);
    }
}
