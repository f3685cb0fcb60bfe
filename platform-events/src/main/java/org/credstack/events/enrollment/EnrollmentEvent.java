package org.credstack.events.enrollment;

import java.time.Instant;

/** Events on {@code enrollment.events.v1} (key = learner id). */
public sealed interface EnrollmentEvent
        permits LearnerEnrolled, AssignmentCompleted, EnrollmentCompleted, EnrollmentWithdrawn {

    /** The enrollment concerned. */
    String enrollmentId();

    /** The learner; the record key. */
    String learnerId();

    /** Business time of the fact, UTC. */
    Instant occurredAt();
}
