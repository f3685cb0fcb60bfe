package org.credstack.events.enrollment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A learner enrolled in a published credential.
 *
 * @param enrollmentId new enrollment id
 * @param learnerId the learner
 * @param credentialId the credential
 * @param credentialVersion the catalog version enrolled in
 * @param kind initial or renewal
 * @param renewalOf for a renewal, the id of the badge being renewed; {@code null} otherwise
 * @param occurredAt when the learner enrolled, UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearnerEnrolled(
        String enrollmentId,
        String learnerId,
        String credentialId,
        int credentialVersion,
        EnrollmentKind kind,
        String renewalOf,
        Instant occurredAt)
        implements EnrollmentEvent {}
