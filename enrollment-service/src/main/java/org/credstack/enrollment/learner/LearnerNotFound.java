package org.credstack.enrollment.learner;

import org.credstack.enrollment.problem.DomainException;

/** No learner has this id. */
public class LearnerNotFound extends DomainException {

    /** @param learnerId the id asked for */
    public LearnerNotFound(String learnerId) {
        super(Reason.NOT_FOUND, "learnerId", "no learner " + learnerId);
    }
}
