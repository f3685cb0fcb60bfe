package org.credstack.events.enrollment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The learner withdrew; the enrollment earns nothing further.
 *
 * @param enrollmentId the enrollment
 * @param learnerId the learner
 * @param credentialId the credential
 * @param occurredAt when the learner withdrew, UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrollmentWithdrawn(String enrollmentId, String learnerId, String credentialId, Instant occurredAt)
        implements EnrollmentEvent {}
