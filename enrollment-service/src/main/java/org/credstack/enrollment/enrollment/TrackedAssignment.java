package org.credstack.enrollment.enrollment;

import java.time.Instant;

/**
 * An assignment of an active enrollment that partners report against its activity IRI.
 *
 * @param enrollmentId the enrollment
 * @param assignmentId the assignment
 * @param moveOn cmi5 moveOn as the catalog spells it
 * @param masteryScore scaled score a pass needs, or {@code null}
 * @param enrolledAt when the learner enrolled, UTC
 * @param done whether it is done already
 * @param providerId the provider of the enrollment's credential, or {@code null} when the catalog named none
 */
public record TrackedAssignment(
        String enrollmentId,
        String assignmentId,
        String moveOn,
        Double masteryScore,
        Instant enrolledAt,
        boolean done,
        String providerId) {}
