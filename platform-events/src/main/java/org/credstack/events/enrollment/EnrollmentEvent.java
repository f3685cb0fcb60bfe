package org.credstack.events.enrollment;

import java.time.Instant;

/**
 * Events on {@code enrollment.events.v1} (key = learner id): a learner's enrollments and the changes to the learner
 * that other services keep a copy of ({@link LearnerEmailChanged}). Enrollment facts carry an {@code enrollmentId};
 * learner facts do not.
 */
public sealed interface EnrollmentEvent
        permits LearnerEnrolled, AssignmentCompleted, EnrollmentCompleted, EnrollmentWithdrawn, LearnerEmailChanged {

    /** The learner; the record key. */
    String learnerId();

    /** Business time of the fact, UTC. */
    Instant occurredAt();
}
