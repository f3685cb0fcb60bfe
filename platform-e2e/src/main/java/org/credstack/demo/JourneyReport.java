package org.credstack.demo;

import java.time.Instant;
import java.util.List;

/**
 * What the {@link Journey} saw, learner by learner.
 *
 * @param catalogImport the lines {@code samples/import-catalog.sh} printed, one per sample record
 * @param learners the three learners in the order they were registered
 * @param lifecycle the fourth learner's stack, renewal and revocation
 */
public record JourneyReport(List<String> catalogImport, List<LearnerJourney> learners, LifecycleReport lifecycle) {

    /**
     * Whether every enrollment got a credential and every credential verified, and the lifecycle went as it should
     * ({@link LifecycleReport#asExpected()}).
     */
    public boolean allVerified() {
        return learners.stream().allMatch(LearnerJourney::allVerified) && lifecycle.asExpected();
    }

    /**
     * One learner's part of the journey.
     *
     * @param learner who
     * @param enrollments what they enrolled in
     * @param credentials what badge-service lists as issued to them ({@code GET /api/v1/learners/{id}/credentials})
     * @param reminders notification-service's reminder schedule for them
     * @param deliveries notification-service's e-mail delivery log for them, newest first
     */
    public record LearnerJourney(
            Learner learner,
            List<Enrollment> enrollments,
            List<IssuedCredential> credentials,
            List<Reminder> reminders,
            List<Delivery> deliveries) {

        /** Whether each enrollment has exactly one credential and each credential verified. */
        public boolean allVerified() {
            return enrollments.stream()
                            .allMatch(e -> credentials.stream()
                                            .filter(c -> c.enrollmentId().equals(e.id()))
                                            .count()
                                    == 1)
                    && credentials.stream().allMatch(IssuedCredential::verified);
        }
    }

    /**
     * A learner as registered with enrollment-service.
     *
     * @param identifiedBy how the partner names them in its statements: {@code account}, {@code mbox} or {@code
     *     mbox_sha1sum}
     * @param failsFirst whether the partner reports a {@code failed} attempt before the {@code passed} one
     */
    public record Learner(
            String id, String displayName, String email, String account, String identifiedBy, boolean failsFirst) {}

    /**
     * An enrollment and the catalog credential it is in.
     *
     * @param validityPeriod ISO 8601 period an award is valid for, e.g. {@code P3Y}; {@code null}: never expires
     * @param providerId the catalog provider, whose time zone validity is computed in
     * @param assignments what the partner reports on
     */
    public record Enrollment(
            String id,
            String credentialId,
            String title,
            String validityPeriod,
            String providerId,
            List<Assignment> assignments) {}

    /**
     * An assignment tracked by a partner activity.
     *
     * @param moveOn cmi5 moveOn, e.g. {@code Completed}, {@code CompletedAndPassed}
     * @param masteryScore scaled score a pass needs, or {@code null}
     */
    public record Assignment(
            String assignmentId, String title, String activityId, String moveOn, Double masteryScore) {}

    /**
     * An issued OpenBadgeCredential as badge-service lists it, with its verification.
     *
     * @param publicUrl the credential's id, where it is served
     * @param validUntil {@code null}: never expires
     * @param renewalOf the public URL of the credential this one renews, {@code null} for a first award
     * @param verificationStatus {@code verified}, {@code revoked}, {@code expired} or {@code invalid} ({@code GET
     *     <publicUrl>/verification}), or {@code unreachable: <reason>}; {@code null} before it was checked
     */
    public record IssuedCredential(
            String id,
            String publicUrl,
            String enrollmentId,
            String credentialId,
            String achievementName,
            Instant validFrom,
            Instant validUntil,
            Instant issuedAt,
            String renewalOf,
            String verificationStatus) {

        public boolean verified() {
            return "verified".equals(verificationStatus);
        }
    }

    /**
     * A reminder e-mail scheduled before a credential's {@code validUntil}.
     *
     * @param status {@code PENDING}, {@code SENT}, {@code CANCELLED}, ...
     */
    public record Reminder(
            String badgeId, String achievementName, int daysBefore, Instant dueAt, Instant validUntil, String status) {}

    /**
     * One e-mail in the delivery log.
     *
     * @param status {@code PENDING}, {@code SENT}, {@code FAILED}, ...
     * @param sentAt when the SMTP server took it, or {@code null}
     */
    public record Delivery(String recipient, String subject, String status, Instant sentAt) {}
}
