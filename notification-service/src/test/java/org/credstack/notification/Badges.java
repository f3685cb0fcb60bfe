package org.credstack.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credstack.events.badge.BadgeIssued;

/** {@code BadgeIssued} events as badge-service publishes them, each about a badge and learner of its own. */
public final class Badges {

    private Badges() {}

    /** A fresh learner id. */
    public static String learner() {
        return "learner-" + UUID.randomUUID();
    }

    /** An e-mail address that no other test uses. */
    public static String emailOf(String learnerId) {
        return learnerId + "@learners.example";
    }

    /** A badge for the learner, valid from {@code issuedAt} until {@code validUntil} ({@code null}: never expires). */
    public static BadgeIssued issued(String learnerId, Instant issuedAt, Instant validUntil, Integer... reminderDays) {
        return renewal(learnerId, issuedAt, validUntil, null, reminderDays);
    }

    /** A badge of the catalog credential {@code credentialId} named {@code achievementName}, default reminders. */
    public static BadgeIssued named(
            String learnerId, Instant issuedAt, Instant validUntil, String credentialId, String achievementName) {
        BadgeIssued badge = issued(learnerId, issuedAt, validUntil);
        return new BadgeIssued(
                badge.badgeId(),
                learnerId,
                badge.enrollmentId(),
                credentialId,
                achievementName,
                badge.recipientEmail(),
                badge.recipientName(),
                badge.publicUrl(),
                issuedAt,
                validUntil,
                List.of(),
                null,
                issuedAt);
    }

    /** A badge that renews {@code renewalOf}. */
    public static BadgeIssued renewal(
            String learnerId, Instant issuedAt, Instant validUntil, String renewalOf, Integer... reminderDays) {
        String badgeId = "urn:uuid:" + UUID.randomUUID();
        return new BadgeIssued(
                badgeId,
                learnerId,
                "enrollment-" + UUID.randomUUID(),
                "cred-kubernetes-admin",
                "Kubernetes Cluster Administration",
                emailOf(learnerId),
                "Ada Lovelace",
                "https://badges.credstack.example/credentials/" + badgeId.substring("urn:uuid:".length()),
                issuedAt,
                validUntil,
                List.of(reminderDays),
                renewalOf,
                issuedAt);
    }
}
