package org.credstack.events.enrollment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The credential's completion rule is met; emitted exactly once per enrollment.
 *
 * @param enrollmentId the enrollment
 * @param learnerId the learner
 * @param credentialId the credential
 * @param credentialVersion the catalog version the learner completed
 * @param kind initial or renewal
 * @param renewalOf for a renewal, the badge being renewed; {@code null} otherwise
 * @param recipientEmail the learner's primary email, used for the hashed recipient identifier
 * @param recipientName the learner's display name
 * @param occurredAt business time of the last qualifying completion (not processing time), UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrollmentCompleted(
        String enrollmentId,
        String learnerId,
        String credentialId,
        int credentialVersion,
        EnrollmentKind kind,
        String renewalOf,
        String recipientEmail,
        String recipientName,
        Instant occurredAt)
        implements EnrollmentEvent {}
