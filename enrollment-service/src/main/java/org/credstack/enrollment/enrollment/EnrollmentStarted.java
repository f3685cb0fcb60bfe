package org.credstack.enrollment.enrollment;

/**
 * A learner has a new enrollment (an in-process Spring application event, published after the save): statements
 * waiting in the unmatched inbox may now match one of its assignments.
 *
 * @param learnerId the learner
 * @param enrollmentId the new enrollment
 */
public record EnrollmentStarted(String learnerId, String enrollmentId) {}
