package org.credstack.events.badge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * An {@code OpenBadgeCredential} was issued and signed. Carries what the notification service needs.
 *
 * @param badgeId the credential id
 * @param learnerId the learner
 * @param enrollmentId the enrollment that earned it
 * @param credentialId the catalog credential (the {@code Achievement})
 * @param achievementName the achievement's name
 * @param recipientEmail where to tell the learner
 * @param recipientName the learner's display name
 * @param publicUrl the public page / JSON-LD URL of the credential
 * @param validFrom OB 3.0 {@code validFrom}, UTC
 * @param validUntil OB 3.0 {@code validUntil}, UTC; {@code null} if it never expires
 * @param reminderDaysBefore days before {@code validUntil} to remind; empty means the default (30, 7, 1)
 * @param renewalOf the badge this one renews, or {@code null}
 * @param occurredAt when it was issued, UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BadgeIssued(
        String badgeId,
        String learnerId,
        String enrollmentId,
        String credentialId,
        String achievementName,
        String recipientEmail,
        String recipientName,
        String publicUrl,
        Instant validFrom,
        Instant validUntil,
        List<Integer> reminderDaysBefore,
        String renewalOf,
        Instant occurredAt)
        implements BadgeEvent {

    /** A missing {@code reminderDaysBefore} reads as empty (the default reminders). */
    public BadgeIssued {
        reminderDaysBefore = reminderDaysBefore == null ? List.of() : reminderDaysBefore;
    }
}
