package org.credstack.events.enrollment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An assignment of an enrollment now counts as done (its cmi5 {@code moveOn} rule is met).
 *
 * @param enrollmentId the enrollment
 * @param learnerId the learner
 * @param credentialId the credential
 * @param assignmentId the assignment within the credential
 * @param reportedBy {@code LEARNER}, {@code PROVIDER} or {@code PARTNER}
 * @param statementId the xAPI statement or partner record that completed it, or {@code null}
 * @param occurredAt business time of the completion (the statement timestamp), UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssignmentCompleted(
        String enrollmentId,
        String learnerId,
        String credentialId,
        String assignmentId,
        String reportedBy,
        String statementId,
        Instant occurredAt)
        implements EnrollmentEvent {}
