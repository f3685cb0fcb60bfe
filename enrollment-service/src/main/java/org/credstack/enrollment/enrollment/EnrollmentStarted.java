package org.credstack.enrollment.enrollment;

import org.credstack.enrollment.learner.LearnerProfile;

/**
 * A learner has a new enrollment (an in-process Spring application event, published after the save): statements
 * waiting in the unmatched inbox may now match one of its assignments.
 *
 * @param learner the enrolled learner, with the identifier keys the inbox is searched by (carried so that the retry
 *     does not read the learner again)
 * @param enrollmentId the new enrollment
 */
public record EnrollmentStarted(LearnerProfile learner, String enrollmentId) {}
