package org.credstack.enrollment.enrollment;

import org.credstack.enrollment.problem.DomainException;

/** A learner marks only self-paced assignments (no activity IRI, or moveOn NotApplicable) done. */
class AssignmentNotSelfPaced extends DomainException {

    AssignmentNotSelfPaced(String assignmentId) {
        super(
                Reason.CONFLICT,
                "assignmentId",
                "assignment " + assignmentId + " is tracked by its activity: a partner or the provider reports it");
    }
}
